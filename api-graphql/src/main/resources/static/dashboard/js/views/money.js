// Profit and loss: the last seven delivery days' settled totals, and one day's per node (revenue at the clearing
// price, imbalance at the spread), from settlements(day). Revenue and imbalance stand side by side, not stacked: their
// signs differ from day to day.
import { h, fill, loading, empty, failed, card, facts, table } from '../dom.js';
import { chartIn, valueAxis, slotAxis, grid, legend } from '../charts.js';
import { SERIES, KIND_LABELS } from '../palette.js';
import { number, eur, mwh } from '../format.js';

const TOTALS = 'targetMwh deliveredMwh deviationMwh revenueEur imbalanceEur totalEur';
const DAYS = 7;

export function moneyView(ctx) {
  let root;
  // yesterday: the latest day that can be settled (a day is settled after its delivery)
  let day = ctx.fmt.isoDay(new Date(ctx.now().getTime() - 86400000));
  let charts = [];
  let body;
  let picker;

  const addDays = (iso, n) => {
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  async function load() {
    dispose();
    const days = Array.from({ length: DAYS }, (_, i) => addDays(day, i - DAYS + 1));
    const query = `{ ${days.map((d, i) => `d${i}: settlements(day: "${d}") { day totals { ${TOTALS} } dispatches { id } ${i === DAYS - 1
      ? 'nodes { nodeId kind parentId deliveredMwh revenueEur imbalanceEur totalEur }' : ''} }`).join(' ')} }`;
    fill(body, loading(`Loading the settlements of ${days[0]} to ${day}…`));
    try {
      const d = await ctx.gql.query(query);
      draw(days.map((_, i) => d[`d${i}`]));
    } catch (e) {
      fill(body, failed('The settlements could not be loaded.', e.message));
    }
  }

  function draw(settled) {
    const today = settled[settled.length - 1];
    const dailyBox = h('div', { class: 'chart short', id: 'pnl-days-chart' });
    const nodeBox = h('div', { class: 'chart short', id: 'pnl-nodes-chart' });
    const anyDay = settled.some((s) => s.dispatches.length > 0);
    const t = today.totals;
    fill(body,
      h('div', { class: 'columns even' },
        card(`Daily P&L, ${settled[0].day} to ${today.day}`, anyDay ? dailyBox
          : empty('No dispatch was settled in these seven days.', 'A delivery day is settled once its dispatch has run and the imbalance prices are known (vpp.dispatch.settle-within).')),
        card(`${today.day}: totals`, facts([
          ['Revenue', eur(t.revenueEur)],
          ['Imbalance', eur(t.imbalanceEur)],
          ['Total', h('strong', {}, eur(t.totalEur))],
          ['Target / delivered', `${mwh(t.targetMwh)} / ${mwh(t.deliveredMwh)}`],
          ['Deviation', mwh(t.deviationMwh)],
          ['Settled dispatches', String(today.dispatches.length)],
        ]))),
      card(`${today.day}: per node`, today.nodes.length
        ? h('div', {}, nodeBox, h('div', { class: 'table-wrap' }, table([
          { title: 'Node', cell: (n) => n.nodeId },
          { title: 'Kind', cell: (n) => KIND_LABELS[n.kind] ?? n.kind ?? '–' },
          { title: 'Delivered (MWh)', numeric: true, cell: (n) => number(n.deliveredMwh) },
          { title: 'Revenue (EUR)', numeric: true, cell: (n) => number(n.revenueEur, 2) },
          { title: 'Imbalance (EUR)', numeric: true, cell: (n) => number(n.imbalanceEur, 2) },
          { title: 'Total (EUR)', numeric: true, cell: (n) => number(n.totalEur, 2) },
        ], today.nodes)))
        : empty(`Nothing was settled for ${today.day}.`, 'Pick another day; the demo world settles each delivery day a few simulated hours after it ends.')));
    if (anyDay) {
      const c = chartIn(dailyBox);
      charts.push(c);
      c.set({
        grid: grid(),
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => `${number(v, 2)} EUR` },
        xAxis: slotAxis(settled.map((s) => ctx.fmt.dayShort(`${s.day}T12:00:00Z`)), 'delivery day'),
        yAxis: valueAxis('EUR'),
        series: [
          { name: 'revenue', type: 'bar', data: settled.map((s) => Number(s.totals.revenueEur ?? 0)), itemStyle: { color: SERIES.revenue } },
          { name: 'imbalance', type: 'bar', data: settled.map((s) => Number(s.totals.imbalanceEur ?? 0)), itemStyle: { color: SERIES.imbalance } },
          { name: 'total', type: 'line', data: settled.map((s) => Number(s.totals.totalEur ?? 0)), itemStyle: { color: SERIES.total } },
        ],
      });
    }
    if (today.nodes.length) {
      const nodes = [...today.nodes].sort((a, b) => Number(b.totalEur) - Number(a.totalEur)).slice(0, 40);
      const c = chartIn(nodeBox);
      charts.push(c);
      c.set({
        grid: grid({ bottom: 72 }),
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => `${number(v, 2)} EUR` },
        xAxis: slotAxis(nodes.map((n) => n.nodeId), 'node', { axisLabel: { rotate: 30, interval: 0 }, nameGap: 56 }),
        yAxis: valueAxis('EUR'),
        series: [
          { name: 'revenue', type: 'bar', data: nodes.map((n) => Number(n.revenueEur)), itemStyle: { color: SERIES.revenue } },
          { name: 'imbalance', type: 'bar', data: nodes.map((n) => Number(n.imbalanceEur)), itemStyle: { color: SERIES.imbalance } },
        ],
      });
    }
  }

  function dispose() {
    for (const c of charts) c.dispose();
    charts = [];
  }

  return {
    mount(container) {
      picker = h('input', { type: 'date', value: day, id: 'pnl-day', onchange: (e) => { if (e.target.value) { day = e.target.value; load(); } } });
      body = h('div', { class: 'stack' });
      root = h('div', { class: 'view view-money' },
        h('div', { class: 'toolbar' }, h('label', {}, 'Day ', picker),
          h('button', { type: 'button', class: 'ghost', onclick: () => { day = addDays(day, -1); picker.value = day; load(); } }, '← previous'),
          h('button', { type: 'button', class: 'ghost', onclick: () => { day = addDays(day, 1); picker.value = day; load(); } }, 'next →'),
          h('span', { class: 'muted' }, `days in ${ctx.fmt.timeZone}`)),
        body);
      fill(container, root);
      load();
    },
    unmount() {
      dispose();
      root = null;
    },
  };
}
