// The optimizer's schedule behind a bid, for a node of the fleet tree: each asset's planned power stacked per slot
// (injection above zero, consumption below), the node's net position, and the price curve it was planned against.
import { h, fill, loading, empty, failed, card, facts, badge } from '../dom.js';
import { chartIn, echarts, valueAxis, slotAxis, grid, legend } from '../charts.js';
import { kindColour, assetShade, KIND_LABELS, SERIES, DEVICE_KINDS } from '../palette.js';
import { number, eur, percent, minutesOf } from '../format.js';
import { bidStatusColour } from './bids.js';

const BIDS = '{ bids(first: 40) { edges { node { id deliveryDay status schedule { preparedAt expectedRevenueEur } } } } }';
const SCHEDULE = `query($id: ID!) {
  schedule(bidId: $id) { bidId preparedAt start slotLength score gapToBound lpBoundEur feasible aggregatedUnits assetCount notes violations
    value { energyRevenueEur degradationCostEur fuelCostEur terminalShortfallCostEur objectiveEur }
    solver { solver timeBudget seed }
    nodes(first: 1000) { id kind parentId depth assetCount energyMwh powerMw } }
  bid(id: $id) { id status deliveryDay outcome slots { start clearedMw clearingPriceEurPerMwh quantityMw limitPriceEurPerMwh } }
}`;
const ASSETS = 'query($id: ID!, $offset: Int) { schedule(bidId: $id) { assets(first: 400, offset: $offset) { assetId kind parentId energyMwh powerMw } } }';
const PRICES = 'query($id: ID!) { bidDecision(id: $id) { prices { start expectedEurPerMwh p10EurPerMwh p90EurPerMwh } } }';
const READY = 'subscription { scheduleReady { id status schedule { preparedAt } } }';
const NAMES = '{ assets(filter: { kinds: [PORTFOLIO, REGION, SITE] }, first: 1000) { edges { node { id name } } } }';

export function scheduleView(ctx) {
  let root;
  let bids = [];
  let bidId = null;
  let nodeId = null;
  let loaded = null;
  let charts = [];
  let unsubscribe = null;
  let seq = 0;
  let controls;
  let body;
  let names = new Map();
  /** A group as people call it: its name from the registry (the schedule's tree knows ids only). */
  const label = (id) => (names.has(id) ? `${names.get(id)} (${id})` : id);

  async function loadBids() {
    fill(body, loading('Loading bids with a schedule…'));
    try {
      const d = await ctx.gql.query(BIDS);
      bids = d.bids.edges.map((e) => e.node).filter((b) => b.schedule);
      if (!bids.length) {
        fill(controls);
        fill(body, empty('No bid has a schedule yet.', 'A bidding cycle optimizes the fleet\'s schedule before it bids: the daily cycle opens by itself before gate closure, or a trader starts one in the Bids view.'));
        return;
      }
      if (!bidId || !bids.some((b) => b.id === bidId)) bidId = bids[0].id;
      await loadSchedule();
    } catch (e) {
      fill(body, failed('The bids could not be loaded.', e.message));
    }
  }

  async function loadSchedule() {
    const mine = ++seq;
    disposeCharts();
    drawControls();
    fill(body, loading(`Loading the schedule of ${bidId}…`));
    try {
      const d = await ctx.gql.query(SCHEDULE, { id: bidId });
      const s = d.schedule;
      if (!s) {
        if (mine === seq) fill(body, empty(`${bidId} has no schedule yet.`));
        return;
      }
      const assets = [];
      while (assets.length < s.assetCount) {
        const page = await ctx.gql.query(ASSETS, { id: bidId, offset: assets.length });
        const got = page.schedule?.assets ?? [];
        if (!got.length) break;
        assets.push(...got);
      }
      const priced = await ctx.gql.request(PRICES, { id: bidId });
      const named = await ctx.gql.request(NAMES);
      names = new Map((named.data?.assets.edges ?? []).map((e) => [e.node.id, e.node.name]));
      if (mine !== seq) return;
      loaded = { schedule: s, bid: d.bid, assets, prices: priced.data?.bidDecision?.prices ?? [], pricesError: priced.errors[0]?.message };
      const top = [...s.nodes].sort((a, b) => a.depth - b.depth)[0];
      if (!nodeId || !s.nodes.some((n) => n.id === nodeId)) nodeId = top?.id ?? null;
      drawControls();
      draw();
    } catch (e) {
      if (mine === seq) fill(body, failed(`The schedule of ${bidId} could not be loaded.`, e.message));
    }
  }

  function drawControls() {
    const bidSelect = h('select', { id: 'schedule-bid', onchange: (e) => { bidId = e.target.value; loadSchedule(); } },
      bids.map((b) => h('option', { value: b.id, selected: b.id === bidId }, `${b.id} · ${b.status}`)));
    const nodes = loaded?.schedule.nodes ?? [];
    const nodeSelect = h('select', { id: 'schedule-node', disabled: !nodes.length, onchange: (e) => { nodeId = e.target.value; draw(); } },
      ordered(nodes).map((n) => h('option', { value: n.id, selected: n.id === nodeId },
        `${'\u00a0\u00a0'.repeat(n.depth)}${names.get(n.id) ?? n.id} (${KIND_LABELS[n.kind] ?? n.kind}, ${n.assetCount} assets)`)));
    fill(controls, h('label', {}, 'Bid ', bidSelect), h('label', {}, 'Node ', nodeSelect));
  }

  function draw() {
    disposeCharts();
    const { schedule: s, bid, assets, prices } = loaded;
    const node = s.nodes.find((n) => n.id === nodeId);
    const parents = new Map(s.nodes.map((n) => [n.id, n.parentId]));
    const under = (groupId) => {
      for (let p = groupId; p; p = parents.get(p)) if (p === nodeId) return true;
      return false;
    };
    const mine = node ? assets.filter((a) => under(a.parentId)) : assets;
    const step = minutesOf(s.slotLength) ?? 15;
    const starts = (node?.powerMw ?? mine[0]?.powerMw ?? []).map((_, i) => new Date(new Date(s.start).getTime() + i * step * 60000));
    const labels = starts.map((t, i) => ctx.fmt.slotLabel(t, i === 0));
    const scheduleBox = h('div', { class: 'chart tall', id: 'schedule-chart' });
    const priceBox = h('div', { class: 'chart short', id: 'price-chart' });
    const perKind = new Map();
    for (const a of mine) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + a.energyMwh);
    const v = s.value;
    fill(body, h('div', { class: 'columns' },
      h('div', { class: 'stack' },
        card(`Schedule of ${node ? label(node.id) : 'the fleet'}: planned power per asset`,
          h('p', { class: 'hint' }, `${mine.length} assets, stacked; above zero they inject, below they consume. Slots of ${step} min, times in ${ctx.fmt.timeZone}.`),
          h('div', { class: 'legend' },
            DEVICE_KINDS.filter((k) => perKind.has(k)).map((k) => h('span', { class: 'legend-item' },
              h('span', { class: 'kind-dot', style: { background: kindColour(k) } }), `${KIND_LABELS[k]} ${number(perKind.get(k))} MWh`)),
            h('span', { class: 'legend-item' }, h('span', { class: 'line-key', style: { background: SERIES.net } }), `net of ${node ? names.get(node.id) ?? node.id : 'the node'} ${number(node?.energyMwh)} MWh`)),
          mine.length ? scheduleBox : empty('No planned asset under this node.')),
        card('Price curve the schedule was planned against', prices.length || bid?.slots?.some((x) => x.clearingPriceEurPerMwh !== null) ? priceBox
          : empty('No price curve recorded for this bid.', loaded.pricesError ?? 'The cycle records the prices it planned with when it prepares the schedule.'))),
      h('aside', { class: 'side' }, card('Schedule', facts([
        ['Bid', h('span', {}, s.bidId, ' ', badge(bid?.status ?? '–', bidStatusColour(bid?.status)))],
        ['Delivery day', bid?.deliveryDay ?? '–'],
        ['Prepared', ctx.fmt.dayTime(s.preparedAt)],
        ['Energy revenue (forecast prices)', eur(v.energyRevenueEur)],
        ['Degradation / fuel cost', `${eur(v.degradationCostEur)} / ${eur(v.fuelCostEur)}`],
        ['Objective', eur(v.objectiveEur)],
        ['Gap to the LP bound', s.gapToBound === null ? 'no bound' : `${percent(s.gapToBound)}${s.lpBoundEur !== null ? ` (bound ${eur(s.lpBoundEur)})` : ''}`],
        ['Score', s.score],
        ['Feasible', s.feasible ? 'yes' : `no: ${s.violations.join('; ')}`],
        ['Solver', `${s.solver.solver}, budget ${s.solver.timeBudget}, seed ${s.solver.seed}`],
        s.aggregatedUnits ? ['Aggregated units', String(s.aggregatedUnits)] : null,
      ]), s.notes.length ? h('ul', { class: 'notes' }, s.notes.map((n) => h('li', {}, n))) : null))));

    if (mine.length) {
      const c = chartIn(scheduleBox);
      charts.push(c);
      const byKind = new Map();
      const series = [];
      const sorted = [...mine].sort((a, b) => DEVICE_KINDS.indexOf(a.kind) - DEVICE_KINDS.indexOf(b.kind) || a.assetId.localeCompare(b.assetId));
      for (const a of sorted) {
        const i = byKind.get(a.kind) ?? 0;
        byKind.set(a.kind, i + 1);
        const colour = assetShade(a.kind, i);
        const common = { type: 'bar', barCategoryGap: '15%', itemStyle: { color: colour }, emphasis: { focus: 'series' } };
        series.push({ ...common, name: a.assetId, stack: 'injection', data: a.powerMw.map((p) => (p > 0 ? round(p) : 0)) });
        series.push({ ...common, name: a.assetId, stack: 'consumption', data: a.powerMw.map((p) => (p < 0 ? round(p) : 0)) });
      }
      if (node) series.push({ name: `net ${names.get(node.id) ?? node.id}`, type: 'line', data: node.powerMw.map(round), symbol: 'none', z: 10, lineStyle: { color: SERIES.net, width: 2 }, itemStyle: { color: SERIES.net } });
      c.set({
        grid: grid({ top: 36 }),
        tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: (items) => slotTooltip(items, labels, sorted, node) },
        xAxis: slotAxis(labels, `delivery slot (${ctx.fmt.timeZone})`),
        yAxis: valueAxis('MW'),
        dataZoom: [{ type: 'inside' }],
        series,
      }, mine.reduce((n, a) => n + a.powerMw.length, 0));
      c.chart.group = 'schedule';
    }
    if (prices.length || bid?.slots?.length) {
      const p = chartIn(priceBox);
      charts.push(p);
      const byStart = new Map(prices.map((x) => [new Date(x.start).getTime(), x]));
      const cleared = new Map((bid?.slots ?? []).map((x) => [new Date(x.start).getTime(), x]));
      const at = (t, f) => { const x = byStart.get(t.getTime()); return x ? round(f(x)) : null; };
      const series = [
        { name: 'P10', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: SERIES.priceBand }, data: starts.map((t) => at(t, (x) => x.p10EurPerMwh)) },
        { name: 'P10–P90', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: SERIES.priceBand }, areaStyle: { color: SERIES.priceBand, opacity: 0.5 }, tooltip: { show: false },
          data: starts.map((t) => at(t, (x) => x.p90EurPerMwh - x.p10EurPerMwh)) },
        { name: 'expected price', type: 'line', symbol: 'none', lineStyle: { color: SERIES.price, width: 2 }, itemStyle: { color: SERIES.price }, data: starts.map((t) => at(t, (x) => x.expectedEurPerMwh)) },
      ];
      if ([...cleared.values()].some((x) => x.clearingPriceEurPerMwh !== null)) {
        series.push({ name: 'clearing price', type: 'line', step: 'start', symbol: 'none', lineStyle: { color: SERIES.clearing, width: 1.5 }, itemStyle: { color: SERIES.clearing },
          data: starts.map((t) => { const x = cleared.get(t.getTime()); return x?.clearingPriceEurPerMwh ?? null; }) });
      }
      p.set({
        grid: grid(),
        legend: legend({ data: series.filter((x) => !x.name.startsWith('P10')).map((x) => x.name).concat(['P10–P90']) }),
        tooltip: { trigger: 'axis', confine: true, valueFormatter: (x) => (x === null || x === undefined ? '–' : `${number(x)} EUR/MWh`) },
        xAxis: slotAxis(labels, `delivery slot (${ctx.fmt.timeZone})`, { boundaryGap: false }),
        yAxis: valueAxis('EUR/MWh', { scale: true }),
        dataZoom: [{ type: 'inside' }],
        series,
      });
      p.chart.group = 'schedule';
    }
    echarts.connect('schedule');
    root.dataset.bid = s.bidId;
    root.dataset.node = nodeId ?? '';
  }

  function slotTooltip(items, labels, assets, node) {
    const i = items[0]?.dataIndex ?? 0;
    const kinds = new Map();
    for (const a of assets) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + a.powerMw[i]);
    const top = [...assets].sort((a, b) => Math.abs(b.powerMw[i]) - Math.abs(a.powerMw[i])).slice(0, 5).filter((a) => Math.abs(a.powerMw[i]) > 1e-6);
    const line = (colour, text, value) => `<div><span style="display:inline-block;width:9px;height:9px;border-radius:2px;background:${colour};margin-right:6px"></span>${escape(text)} <b>${number(value)} MW</b></div>`;
    return [`<b>${escape(labels[i])}</b>`,
      ...[...kinds].map(([k, p]) => line(kindColour(k), KIND_LABELS[k] ?? k, p)),
      node ? line(SERIES.net, `net ${names.get(node.id) ?? node.id}`, node.powerMw[i]) : '',
      top.length ? '<div style="margin-top:4px;color:#64748b">largest:</div>' : '',
      ...top.map((a) => line(kindColour(a.kind), a.assetId, a.powerMw[i]))].join('');
  }

  function disposeCharts() {
    for (const c of charts) c.dispose();
    charts = [];
  }

  return {
    mount(container) {
      controls = h('div', { class: 'toolbar' });
      body = h('div', { class: 'body' });
      root = h('div', { class: 'view view-schedule' }, controls, body);
      fill(container, root);
      loadBids();
      unsubscribe = ctx.subs.subscribe(READY, {}, {
        next: (d) => {
          const b = d.scheduleReady;
          if (!b || !root) return;
          const known = bids.find((x) => x.id === b.id);
          if (!known || known.schedule?.preparedAt !== b.schedule?.preparedAt) {
            if (!bids.length || b.id === bidId) loadBids();
            else ctx.gql.query(BIDS).then((x) => { bids = x.bids.edges.map((e) => e.node).filter((y) => y.schedule); drawControls(); }).catch(() => {});
          }
        },
      });
    },
    unmount() {
      unsubscribe?.();
      disposeCharts();
      root = null;
    },
  };
}

/** Nodes depth-first under their parents, for an indented select. */
function ordered(nodes) {
  const out = [];
  const ids = new Set(nodes.map((n) => n.id));
  const visit = (n) => {
    out.push(n);
    for (const c of nodes.filter((x) => x.parentId === n.id)) visit(c);
  };
  for (const r of nodes.filter((n) => !n.parentId || !ids.has(n.parentId))) visit(r);
  return out;
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
