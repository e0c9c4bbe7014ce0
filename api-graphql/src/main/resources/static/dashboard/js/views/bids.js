// Bids with their status, live from bidStatus, and a bid's slots: what was offered at which limit price, what the
// market cleared at which price; its cycle's history. A TRADER starts (or calls off) a cycle here.
import { h, fill, loading, empty, failed, card, facts, badge, table } from '../dom.js';
import { chartIn, valueAxis, slotAxis, grid, legend } from '../charts.js';
import { SERIES } from '../palette.js';
import { number, mwh, eur } from '../format.js';
import { actionForm, field, textInput, textOf, compact, outcome } from '../forms.js';

const FIELDS = 'id zone deliveryDay status outcome openedAt gateClosure submittedAt abortReason totals { offeredMwh clearedMwh revenueEur } updatedAt';
const LIST = `{ bids(first: 30) { totalCount edges { node { ${FIELDS} } } } }`;
const DETAIL = `query($id: ID!) { bid(id: $id) { ${FIELDS} deliveryStart slotLength pricingRule
  inputs { deviceCount priceForecast { model fallback } }
  schedule { expectedRevenueEur gapToBound score }
  slots { start flexibilityUpMw flexibilityDownMw plannedMw quantityMw limitPriceEurPerMwh clearedMw clearingPriceEurPerMwh }
  history { sequence type at detail } } }`;
const LIVE = `subscription { bidStatus { ${FIELDS} } }`;
const START = `mutation($input: StartBiddingCycleInput!) { startBiddingCycle(input: $input) { status bid { ${FIELDS} } errors { field code message } } }`;
const CANCEL = `mutation($input: CancelBiddingCycleInput!) { cancelBiddingCycle(input: $input) { status bid { ${FIELDS} } errors { field code message } } }`;

const FINAL = new Set(['ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'CLOSED', 'ABORTED']);

export function bidStatusColour(status) {
  return {
    OPEN: '#64748b', INPUTS_FETCHED: '#0ea5e9', SCHEDULED: '#6366f1', DRAFTED: '#8b5cf6', SUBMITTED: '#d97706',
    ACCEPTED: '#16a34a', PARTIALLY_ACCEPTED: '#65a30d', REJECTED: '#dc2626', CLOSED: '#334155', ABORTED: '#991b1b',
  }[status] ?? '#94a3b8';
}

export function bidsView(ctx) {
  let root;
  let bids = [];
  let selected = null;
  let chart = null;
  let unsubscribe = null;
  let listBox;
  let detailBox;
  let seq = 0;

  async function load() {
    fill(listBox, loading('Loading bids…'));
    try {
      const d = await ctx.gql.query(LIST);
      bids = d.bids.edges.map((e) => e.node);
      if (!selected && bids.length) selected = bids[0].id;
      drawList();
      if (selected) loadDetail();
      else fill(detailBox, empty('No bid yet.', 'The daily cycle opens by itself before the gate closes; a trader may open one for a delivery day with the form.'));
    } catch (e) {
      fill(listBox, failed('The bids could not be loaded.', e.message));
    }
  }

  function drawList() {
    fill(listBox, bids.length ? h('div', { class: 'table-wrap' }, table([
      { title: 'Bid', cell: (b) => b.id },
      { title: 'Status', cell: (b) => badge(b.status, bidStatusColour(b.status), 'bid-status') },
      { title: 'Gate closure', cell: (b) => ctx.fmt.dayTime(b.gateClosure) },
      { title: 'Offered (MWh)', numeric: true, cell: (b) => number(b.totals.offeredMwh) },
      { title: 'Cleared (MWh)', numeric: true, cell: (b) => number(b.totals.clearedMwh) },
      { title: 'Revenue (EUR)', numeric: true, cell: (b) => number(b.totals.revenueEur, 2) },
      { title: 'Updated', cell: (b) => ctx.fmt.dayTime(b.updatedAt) },
    ], bids, { rowKey: (b) => b.id, selected, onRow: (b) => { selected = b.id; drawList(); loadDetail(); } }))
      : empty('No bid yet.', 'The daily cycle opens by itself before the gate closes; a trader may open one for a delivery day.'));
  }

  async function loadDetail() {
    const mine = ++seq;
    const id = selected;
    chart?.dispose();
    chart = null;
    fill(detailBox, loading(`Loading ${id}…`));
    try {
      const { bid } = await ctx.gql.query(DETAIL, { id });
      if (mine !== seq) return;
      drawDetail(bid);
    } catch (e) {
      if (mine === seq) fill(detailBox, failed(`${id} could not be loaded.`, e.message));
    }
  }

  function drawDetail(bid) {
    if (!bid) {
      fill(detailBox, empty('This bid no longer exists.'));
      return;
    }
    const labels = bid.slots.map((s, i) => ctx.fmt.slotLabel(s.start, i === 0));
    const box = h('div', { class: 'chart tall', id: 'bid-chart' });
    const hasQuantities = bid.slots.some((s) => s.quantityMw !== null || s.plannedMw !== null);
    fill(detailBox,
      card(`${bid.id}: per slot`, h('p', { class: 'hint' }, `Bars: MW offered and cleared (positive = sell); lines: EUR/MWh limit and clearing price. Times in ${ctx.fmt.timeZone}.`),
        hasQuantities ? box : empty('No quantity yet.', `The cycle is ${bid.status}: quantities appear once it has planned (SCHEDULED) and drafted (DRAFTED).`)),
      h('div', { class: 'columns even' },
        card('Cycle', facts([
          ['Status', h('span', {}, badge(bid.status, bidStatusColour(bid.status), 'bid-status'), bid.outcome ? ` · market: ${bid.outcome}` : '')],
          ['Delivery day', bid.deliveryDay],
          ['Opened', ctx.fmt.dayTime(bid.openedAt)],
          ['Gate closure', ctx.fmt.dayTime(bid.gateClosure)],
          ['Submitted', ctx.fmt.dayTime(bid.submittedAt)],
          bid.inputs ? ['Inputs', `${bid.inputs.deviceCount} devices, price forecast ${bid.inputs.priceForecast.model}${bid.inputs.priceForecast.fallback ? ' (fallback)' : ''}`] : null,
          bid.schedule ? ['Expected revenue', eur(bid.schedule.expectedRevenueEur)] : null,
          bid.pricingRule ? ['Pricing', bid.pricingRule] : null,
          ['Offered / cleared', `${mwh(bid.totals.offeredMwh)} / ${mwh(bid.totals.clearedMwh)}`],
          ['Revenue', eur(bid.totals.revenueEur)],
          bid.abortReason ? ['Aborted because', bid.abortReason] : null,
        ]), ctx.can.trade && !FINAL.has(bid.status) ? cancelForm(bid) : null),
        card('History', h('ol', { class: 'history' }, bid.history.map((e) => h('li', {},
          h('span', { class: 'when' }, ctx.fmt.dayTime(e.at)), h('strong', {}, e.type), e.detail ? h('span', { class: 'muted' }, ` ${e.detail}`) : null))))));
    if (!hasQuantities) return;
    chart = chartIn(box);
    const col = (f) => bid.slots.map((s) => f(s));
    chart.set({
      grid: grid({ right: 80 }),
      legend: legend(),
      tooltip: { trigger: 'axis', confine: true },
      xAxis: slotAxis(labels, `delivery slot (${ctx.fmt.timeZone})`),
      yAxis: [valueAxis('MW'), valueAxis('EUR/MWh', { position: 'right', splitLine: { show: false }, scale: true })],
      dataZoom: [{ type: 'inside' }],
      series: [
        { name: 'planned (MW)', type: 'line', step: 'middle', symbol: 'none', data: col((s) => s.plannedMw), lineStyle: { color: '#94a3b8', type: 'dashed' }, itemStyle: { color: '#94a3b8' } },
        { name: 'offered (MW)', type: 'bar', data: col((s) => s.quantityMw), itemStyle: { color: '#a5b4fc' }, barGap: '-100%' },
        { name: 'cleared (MW)', type: 'bar', data: col((s) => s.clearedMw), itemStyle: { color: '#4f46e5' } },
        { name: 'limit price (EUR/MWh)', type: 'line', yAxisIndex: 1, symbol: 'none', data: col((s) => s.limitPriceEurPerMwh), lineStyle: { color: SERIES.price, width: 1 }, itemStyle: { color: SERIES.price } },
        { name: 'clearing price (EUR/MWh)', type: 'line', yAxisIndex: 1, symbol: 'none', step: 'middle', data: col((s) => s.clearingPriceEurPerMwh), lineStyle: { color: SERIES.clearing, width: 2 }, itemStyle: { color: SERIES.clearing } },
      ],
    });
  }

  function cancelForm(bid) {
    const reason = textInput({ placeholder: 'why' });
    return actionForm({
      name: 'cancel-bidding-cycle',
      title: 'Call off this cycle',
      intro: 'Aborts the cycle before the market\'s answer; the reason stays in its history.',
      fields: [field('Reason', 'input.reason', reason)],
      submitLabel: `Cancel ${bid.id}`,
      danger: true,
      submit: async () => {
        const { cancelBiddingCycle: p } = await ctx.gql.query(CANCEL, { input: { id: bid.id, reason: reason.value } });
        if (p.errors.length) return p;
        return { message: outcome(p.status, `${bid.id} called off`) };
      },
    });
  }

  function startForm() {
    const day = h('input', { type: 'date', value: ctx.market.firstOpenDay, min: ctx.market.firstOpenDay, max: ctx.market.lastOpenDay });
    const zone = textInput({ value: ctx.market.zone });
    return actionForm({
      name: 'start-bidding-cycle',
      intro: `Opens the cycle of a delivery day now: inputs, forecast, schedule, bid. Days whose gate is open: ${ctx.market.firstOpenDay} to ${ctx.market.lastOpenDay} (next gate closure ${ctx.fmt.dayTime(ctx.market.nextGateClosure)}).`,
      fields: [h('div', { class: 'pair' }, field('Delivery day', 'input.deliveryDay', day), field('Zone', 'input.zone', zone))],
      submitLabel: 'Start bidding cycle',
      submit: async () => {
        const { startBiddingCycle: p } = await ctx.gql.query(START, { input: compact({ deliveryDay: day.value || '', zone: textOf(zone) }) });
        if (p.errors.length) return p;
        selected = p.bid?.id ?? selected;
        load();
        return { message: outcome(p.status, `Cycle ${p.bid?.id} opened`) };
      },
    });
  }

  return {
    mount(container) {
      listBox = h('div', {});
      detailBox = h('div', { class: 'stack' });
      root = h('div', { class: 'view view-bids columns' },
        h('div', { class: 'stack' }, card('Bids (live)', listBox), detailBox),
        ctx.can.trade ? h('aside', { class: 'side' }, card('Start a bidding cycle', startForm())) : null);
      fill(container, root);
      load();
      unsubscribe = ctx.subs.subscribe(LIVE, {}, {
        next: (d) => {
          const b = d.bidStatus;
          if (!b || !root) return;
          const i = bids.findIndex((x) => x.id === b.id);
          if (i >= 0) bids[i] = b;
          else bids = [b, ...bids].sort((x, y) => y.deliveryDay.localeCompare(x.deliveryDay));
          drawList();
          listBox.querySelector(`tr[data-key="${CSS.escape(b.id)}"]`)?.classList.add('changed');
          if (b.id === selected) loadDetail();
        },
      });
    },
    unmount() {
      unsubscribe?.();
      chart?.dispose();
      root = null;
    },
  };
}
