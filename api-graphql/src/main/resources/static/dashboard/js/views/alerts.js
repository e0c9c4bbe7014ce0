// Alerts: what the VPP raised about itself (faults, silent sites, a missed gate, deviations, lag, optimizer gaps),
// live from the alerts subscription.
import { h, fill, loading, empty, failed, card, badge, table } from '../dom.js';
import { number } from '../format.js';

const FIELDS = 'id kind subject active raisedAt clearedAt message value threshold occurrences clearReason';
const LIST = `query($active: Boolean) { alerts(active: $active, first: 200) { totalCount edges { node { ${FIELDS} } } } }`;
const LIVE = `subscription { alerts { ${FIELDS} } }`;

export function alertsView(ctx) {
  let root;
  let alerts = [];
  let onlyActive = true;
  let unsubscribe = null;
  let box;

  async function load() {
    fill(box, loading('Loading alerts…'));
    try {
      const d = await ctx.gql.query(LIST, { active: onlyActive ? true : null });
      alerts = d.alerts.edges.map((e) => e.node);
      draw();
    } catch (e) {
      fill(box, failed('The alerts could not be loaded.', e.message));
    }
  }

  function draw(changed) {
    const shown = onlyActive ? alerts.filter((a) => a.active) : alerts;
    fill(box, shown.length ? h('div', { class: 'table-wrap' }, table([
      { title: '', cell: (a) => badge(a.active ? 'active' : 'cleared', a.active ? '#dc2626' : '#94a3b8') },
      { title: 'Kind', cell: (a) => a.kind },
      { title: 'Subject', cell: (a) => a.subject },
      { title: 'Message', cell: (a) => h('span', {}, a.message, a.clearReason ? h('span', { class: 'muted' }, ` · cleared: ${a.clearReason}`) : null) },
      { title: 'Value / threshold', numeric: true, cell: (a) => (a.value === null ? '–' : `${number(a.value)} / ${number(a.threshold)}`) },
      { title: 'Raised', cell: (a) => ctx.fmt.dayTime(a.raisedAt) },
      { title: 'Cleared', cell: (a) => ctx.fmt.dayTime(a.clearedAt) },
      { title: 'Times', numeric: true, cell: (a) => String(a.occurrences) },
    ], shown, { rowKey: (a) => a.id }))
      : empty(onlyActive ? 'No active alert: nothing needs attention.' : 'No alert was ever raised.', 'The VPP checks itself every minute of the application clock (vpp.alerts.*).'));
    if (changed) box.querySelector(`tr[data-key="${CSS.escape(changed)}"]`)?.classList.add('changed');
  }

  return {
    mount(container) {
      box = h('div', {});
      const toggle = h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: true, onchange: (e) => { onlyActive = e.target.checked; load(); } }), ' active only');
      root = h('div', { class: 'view view-alerts' }, card('Alerts (live)', h('div', { class: 'toolbar' }, toggle), box));
      fill(container, root);
      load();
      unsubscribe = ctx.subs.subscribe(LIVE, {}, {
        next: (d) => {
          const a = d.alerts;
          if (!a || !root) return;
          const i = alerts.findIndex((x) => x.id === a.id);
          if (i >= 0) alerts[i] = a;
          else alerts = [a, ...alerts];
          draw(a.id);
        },
      });
    },
    unmount() {
      unsubscribe?.();
      root = null;
    },
  };
}
