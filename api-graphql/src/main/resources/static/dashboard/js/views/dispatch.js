// Dispatch progress slot by slot: the target, what was delivered and the deviation, with the shortfalls foreseen,
// the power moved between assets and the causes of each deviation, live from dispatchProgress. An OPERATOR asks for
// power by hand (a manual dispatch) and cancels it here.
import { h, fill, loading, empty, failed, card, facts, badge, table } from '../dom.js';
import { chartIn, valueAxis, slotAxis, grid, legend } from '../charts.js';
import { SERIES, GROUP_KINDS, KIND_LABELS } from '../palette.js';
import { number, mw, mwh, eur } from '../format.js';
import { actionForm, field, numberInput, textInput, select, numberOf, textOf, compact, outcome } from '../forms.js';

const SUMMARY = 'id kind status bidId nodeId deliveryDay start end slotLength deviceCount requestedMw unmetMw reason cancelledAt cancelReason slotsMeasured meanDeviationMw totals { targetMwh deliveredMwh deviationMwh revenueEur imbalanceEur totalEur } updatedAt';
const LIST = `{ dispatches(first: 30) { totalCount edges { node { ${SUMMARY} } } } }`;
const DETAIL_FIELDS = `${SUMMARY} allocations { assetId powerMw marginalCostEurPerMwh headroomMw }
  slots { start targetMw clearingPriceEurPerMwh setpointsSent uncoveredMw deliveredMw deviationMw readings devicesWithoutReadings
    shortfalls { assetId missingMw cause } redispatches { fromAssetId toAssetId powerMw level } causes { assetId deviationMw cause } }`;
const DETAIL = `query($id: ID!) { dispatch(id: $id) { ${DETAIL_FIELDS} } }`;
const PROGRESS = `subscription($id: ID!) { dispatchProgress(id: $id) { ${DETAIL_FIELDS} } }`;
const GROUPS = '{ assets(filter: { kinds: [PORTFOLIO, REGION, SITE] }, first: 1000) { edges { node { id name kind status } } } }';
const REQUEST = `mutation($input: RequestDispatchInput!) { requestDispatch(input: $input) {
  status requestedMw totalMw unmetMw allocations { assetId powerMw marginalCostEurPerMwh headroomMw } dispatch { id status } errors { field code message } } }`;
const CANCEL = 'mutation($input: CancelDispatchInput!) { cancelDispatch(input: $input) { status dispatch { id status } errors { field code message } } }';

export function dispatchStatusColour(status) {
  return { PLANNED: '#64748b', RUNNING: '#2563eb', CANCELLED: '#d97706', COMPLETED: '#0f766e', SETTLED: '#16a34a' }[status] ?? '#94a3b8';
}

export function dispatchView(ctx) {
  let root;
  let list = [];
  let selected = null;
  let chart = null;
  let unsubscribe = null;
  let listBox;
  let detailBox;

  async function load() {
    fill(listBox, loading('Loading dispatches…'));
    try {
      const d = await ctx.gql.query(LIST);
      list = d.dispatches.edges.map((e) => e.node);
      if (!selected && list.length) selected = list[0].id;
      drawList();
      follow();
    } catch (e) {
      fill(listBox, failed('The dispatches could not be loaded.', e.message));
    }
  }

  function drawList() {
    fill(listBox, list.length ? h('div', { class: 'table-wrap' }, table([
      { title: 'Dispatch', cell: (x) => h('span', { class: 'nowrap', title: x.id }, x.id.length > 28 ? `${x.id.slice(0, 27)}…` : x.id) },
      { title: 'Status', cell: (x) => badge(x.status, dispatchStatusColour(x.status)) },
      { title: 'Node', cell: (x) => x.nodeId },
      { title: 'Window', cell: (x) => ctx.fmt.window(x.start, x.end) },
      { title: 'Target (MWh)', numeric: true, cell: (x) => number(x.totals.targetMwh) },
      { title: 'Delivered (MWh)', numeric: true, cell: (x) => number(x.totals.deliveredMwh) },
      { title: 'Deviation (MWh)', numeric: true, cell: (x) => number(x.totals.deviationMwh) },
      { title: 'Total (EUR)', numeric: true, cell: (x) => number(x.totals.totalEur, 2) },
    ], list, { rowKey: (x) => x.id, selected, onRow: (x) => { selected = x.id; drawList(); follow(); } }))
      : empty('Nothing has been dispatched yet.', 'A bid the market accepted is dispatched slot by slot on its delivery day; an operator may also ask for power by hand.'));
    if (!list.length) fill(detailBox);
  }

  function follow() {
    unsubscribe?.();
    chart?.dispose();
    chart = null;
    if (!selected) return;
    fill(detailBox, loading(`Following ${selected}…`));
    const id = selected;
    unsubscribe = ctx.subs.subscribe(PROGRESS, { id }, {
      next: (d) => {
        if (id !== selected || !root) return;
        const x = d.dispatchProgress;
        const i = list.findIndex((y) => y.id === x.id);
        if (i >= 0 && list[i].updatedAt !== x.updatedAt) {
          list[i] = x;
          drawList();
        }
        drawDetail(x);
      },
      error: async (message) => {
        try {
          const { dispatch } = await ctx.gql.query(DETAIL, { id });
          if (id === selected) drawDetail(dispatch);
        } catch (e) {
          fill(detailBox, failed(`${id} could not be followed.`, message));
        }
      },
    });
  }

  function drawDetail(x) {
    chart?.dispose();
    chart = null;
    if (!x) {
      fill(detailBox, empty('This dispatch no longer exists.'));
      return;
    }
    const labels = x.slots.map((s, i) => ctx.fmt.slotLabel(s.start, i === 0));
    const box = h('div', { class: 'chart tall', id: 'dispatch-chart' });
    const deviating = x.slots.filter((s) => s.deviationMw !== null && (Math.abs(s.deviationMw) > 1e-3 || s.causes.length || s.shortfalls.length));
    fill(detailBox,
      card(`${x.id}: target against delivered`, h('p', { class: 'hint' }, `Per slot, MW at ${x.nodeId}; times in ${ctx.fmt.timeZone}. ${x.slotsMeasured ?? x.slots.filter((s) => s.deliveredMw !== null).length} of ${x.slots.length} slots measured.`), box),
      h('div', { class: 'columns even' },
        card('Dispatch', facts([
          ['Status', badge(x.status, dispatchStatusColour(x.status))],
          ['Kind', x.kind === 'MARKET' ? `market (bid ${x.bidId})` : 'manual'],
          ['Node', x.nodeId],
          ['Window', ctx.fmt.window(x.start, x.end)],
          ['Devices with setpoints', String(x.deviceCount)],
          x.requestedMw !== null ? ['Requested / unmet', `${mw(x.requestedMw)} / ${mw(x.unmetMw)}`] : null,
          x.reason ? ['Reason', x.reason] : null,
          ['Target / delivered', `${mwh(x.totals.targetMwh)} / ${mwh(x.totals.deliveredMwh)}`],
          ['Mean deviation', mw(x.meanDeviationMw)],
          ['Revenue / imbalance', `${eur(x.totals.revenueEur)} / ${eur(x.totals.imbalanceEur)}`],
          ['Total', eur(x.totals.totalEur)],
          x.cancelledAt ? ['Cancelled', `${ctx.fmt.dayTime(x.cancelledAt)}: ${x.cancelReason}`] : null,
        ]), x.allocations.length ? table([
          { title: 'Asset', cell: (a) => a.assetId },
          { title: 'Power (MW)', numeric: true, cell: (a) => number(a.powerMw) },
          { title: 'Marginal cost (EUR/MWh)', numeric: true, cell: (a) => number(a.marginalCostEurPerMwh) },
          { title: 'Headroom (MW)', numeric: true, cell: (a) => number(a.headroomMw) },
        ], x.allocations) : null,
        ctx.can.operate && x.kind === 'MANUAL' && (x.status === 'PLANNED' || x.status === 'RUNNING') ? cancelForm(x) : null),
        card(`Deviations (${deviating.length})`, deviating.length ? h('div', { class: 'table-wrap short' }, table([
          { title: 'Slot', cell: (s) => ctx.fmt.dayTime(s.start) },
          { title: 'Target (MW)', numeric: true, cell: (s) => number(s.targetMw) },
          { title: 'Delivered (MW)', numeric: true, cell: (s) => number(s.deliveredMw) },
          { title: 'Deviation (MW)', numeric: true, cell: (s) => number(s.deviationMw) },
          { title: 'Why', cell: (s) => h('div', { class: 'why' },
            s.causes.map((c) => h('div', {}, `${c.assetId ?? 'uncovered'}: ${number(c.deviationMw)} MW, ${c.cause}`)),
            s.shortfalls.map((f) => h('div', { class: 'muted' }, `foreseen: ${f.assetId} short ${number(f.missingMw)} MW (${f.cause})`)),
            s.redispatches.map((r) => h('div', { class: 'muted' }, `moved ${number(r.powerMw)} MW ${r.fromAssetId} → ${r.toAssetId} (${r.level})`))) },
        ], deviating)) : empty(x.slots.some((s) => s.deliveredMw !== null) ? 'No slot deviated.' : 'No slot measured yet.', 'A slot is measured from telemetry shortly after it ends.'))));
    chart = chartIn(box);
    chart.set({
      grid: grid(),
      legend: legend(),
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => (v === null || v === undefined ? '–' : `${number(v)} MW`) },
      xAxis: slotAxis(labels, `slot (${ctx.fmt.timeZone})`),
      yAxis: valueAxis('MW'),
      dataZoom: [{ type: 'inside' }],
      series: [
        { name: 'target', type: 'line', step: 'middle', symbol: 'none', data: x.slots.map((s) => s.targetMw), lineStyle: { color: SERIES.target, width: 2 }, itemStyle: { color: SERIES.target } },
        { name: 'delivered', type: 'bar', data: x.slots.map((s) => s.deliveredMw), itemStyle: { color: SERIES.delivered } },
        { name: 'deviation', type: 'bar', data: x.slots.map((s) => s.deviationMw), itemStyle: { color: SERIES.deviation } },
      ],
    });
  }

  function cancelForm(x) {
    const reason = textInput({ placeholder: 'why' });
    return actionForm({
      name: 'cancel-dispatch',
      title: 'Cancel this manual dispatch',
      intro: 'Its setpoints are withdrawn now; the assets return to their schedule. What ran is still measured and settled.',
      fields: [field('Reason', 'input.reason', reason)],
      submitLabel: `Cancel ${x.id}`,
      danger: true,
      submit: async () => {
        const { cancelDispatch: p } = await ctx.gql.query(CANCEL, { input: { id: x.id, reason: reason.value } });
        if (p.errors.length) return p;
        return { message: outcome(p.status, `${x.id} cancelled`) };
      },
    });
  }

  function requestForm() {
    const node = select([], null);
    const power = numberInput({ value: '1' });
    const slot = ctx.market.slotMinutes * 60000;
    const first = new Date(Math.ceil((ctx.now().getTime() + 30 * 60000) / slot) * slot);
    const start = h('input', { type: 'datetime-local', step: String(ctx.market.slotMinutes * 60), value: ctx.fmt.localOf(first) });
    const end = h('input', { type: 'datetime-local', step: String(ctx.market.slotMinutes * 60), value: ctx.fmt.localOf(new Date(first.getTime() + 3600000)) });
    const reason = textInput({ placeholder: 'e.g. redispatch call' });
    ctx.gql.query(GROUPS).then((d) => {
      const groups = d.assets.edges.map((e) => e.node).filter((g) => g.status !== 'DECOMMISSIONED' && GROUP_KINDS.includes(g.kind));
      node.replaceChildren(...groups.map((g) => h('option', { value: g.id }, `${g.name} (${KIND_LABELS[g.kind]}, ${g.id})`)));
    }).catch(() => node.replaceChildren(h('option', { value: '' }, 'groups could not be loaded')));
    return actionForm({
      name: 'request-dispatch',
      intro: `More power (positive) or less (negative) under a group, on top of the schedule, allocated in merit order. Times on the ${ctx.market.slotMinutes}-minute grid, in ${ctx.fmt.timeZone}.`,
      fields: [
        field('Under', 'input.nodeId', node),
        field('Power', 'input.powerMw', power, { unit: 'MW', hint: 'positive = more injection' }),
        field(`Start (${ctx.fmt.timeZone})`, 'input.start', start),
        field(`End (${ctx.fmt.timeZone})`, 'input.end', end),
        field('Reason', 'input.reason', reason),
      ],
      submitLabel: 'Request dispatch',
      submit: async () => {
        const input = compact({
          nodeId: node.value || '',
          powerMw: numberOf(power) ?? 0,
          start: start.value ? ctx.fmt.instantOf(start.value) : '',
          end: end.value ? ctx.fmt.instantOf(end.value) : '',
          reason: textOf(reason),
        });
        const { requestDispatch: p } = await ctx.gql.query(REQUEST, { input });
        if (p.errors.length) return p;
        selected = p.dispatch?.id ?? selected;
        load();
        return {
          message: outcome(p.status, `${p.dispatch?.id}: ${mw(p.totalMw)} of ${mw(p.requestedMw)} allocated${p.unmetMw ? `, ${mw(p.unmetMw)} unmet` : ''}`),
          detail: h('ul', { class: 'notes' }, p.allocations.map((a) => h('li', {}, `${a.assetId}: ${mw(a.powerMw)} at ${number(a.marginalCostEurPerMwh)} EUR/MWh`))),
        };
      },
    });
  }

  return {
    mount(container) {
      listBox = h('div', {});
      detailBox = h('div', { class: 'stack' });
      root = h('div', { class: 'view view-dispatch columns' },
        h('div', { class: 'stack' }, card('Dispatches', listBox), detailBox),
        ctx.can.operate ? h('aside', { class: 'side' }, card('Request a manual dispatch', requestForm())) : null);
      fill(container, root);
      load();
    },
    unmount() {
      unsubscribe?.();
      chart?.dispose();
      root = null;
    },
  };
}
