// Forecast against actual per source: the latest issued forecast with its P10–P90 band and the actuals as they
// arrive, the model cross-validation selected and the error it promised beside the error it made.
import { h, fill, loading, empty, failed, card, facts, table } from '../dom.js';
import { chartIn, valueAxis, slotAxis, tooltip, grid, legend } from '../charts.js';
import { SERIES, kindColour } from '../palette.js';
import { number, percent } from '../format.js';

const SOURCES = '{ forecastSources(first: 500) { totalCount edges { node { id kind model cvMae realisedMae realisedCoverage evaluations lastIssuedAt lastTrainedAt } } } }';
const DETAIL = `query($id: ID!) {
  forecast(sourceId: $id) { id issuedAt origin step model parameters { name value } realisedMae actualSlots coverage cvMae
    values { start value p10 p90 actual } }
  forecastModels(sourceId: $id, last: 10) { trainedAt model metric validation { folds selectionFolds selectedMae baselineModel baselineMae gainPercent } }
  forecastEvaluations(sourceId: $id, last: 30) { issuedAt model realisedMae cvMae coverage }
}`;
const ISSUED = 'subscription($id: ID) { forecastIssued(sourceId: $id) { id issuedAt } }';

const UNIT = { PRICE: 'EUR/MWh', PV: 'MW', WIND: 'MW', LOAD: 'MW' };
const KIND_OF_SOURCE = { PRICE: null, PV: 'PV', WIND: 'WIND', LOAD: 'LOAD' };

export function forecastsView(ctx) {
  let root;
  let sources = [];
  let selected = null;
  let charts = [];
  let unsubscribe = null;
  let seq = 0;

  async function loadSources(list, main) {
    fill(list, loading('Loading forecast sources…'));
    try {
      const d = await ctx.gql.query(SOURCES);
      sources = d.forecastSources.edges.map((e) => e.node);
      if (!sources.length) {
        root.className = 'view view-forecasts';
        fill(root, card('Forecast against actual', empty('No forecast source has been trained yet.',
          'Each PV plant, wind park and load with meter history, and the market price, get a model selected by cross-validation once a day of the application clock (vpp.forecast.*); forecasts are then issued every few minutes. The demo world trains its first models within minutes of its start.')));
        return;
      }
      selected = selected ?? (sources.find((s) => s.kind === 'PRICE') ?? sources[0]).id;
      drawList(list, main);
      loadDetail(main);
    } catch (e) {
      fill(list, failed('The forecast sources could not be loaded.', e.message));
    }
  }

  function drawList(list, main) {
    const kinds = ['PRICE', 'PV', 'WIND', 'LOAD'];
    fill(list, kinds.map((k) => {
      const of = sources.filter((s) => s.kind === k);
      if (!of.length) return null;
      return h('div', { class: 'source-group' }, h('h4', {}, `${k === 'PRICE' ? 'Prices' : k} (${of.length})`),
        h('ul', { class: 'source-list' }, of.map((s) => h('li', {
          class: s.id === selected ? 'selected' : '', dataset: { source: s.id },
          onclick: () => { selected = s.id; drawList(list, main); loadDetail(main); },
        }, h('span', { class: 'kind-dot', style: { background: KIND_OF_SOURCE[s.kind] ? kindColour(KIND_OF_SOURCE[s.kind]) : SERIES.price } }),
        h('span', { class: 'source-id' }, s.id.replace(/^[a-z]+:/, '')),
        h('span', { class: 'muted' }, s.model)))));
    }));
  }

  async function loadDetail(main) {
    const id = selected;
    const mine = ++seq;
    disposeCharts();
    fill(main, loading(`Loading the latest forecast of ${id}…`));
    unsubscribe?.();
    unsubscribe = ctx.subs.subscribe(ISSUED, { id }, {
      next: (d) => {
        if (d.forecastIssued && root && main.dataset.issued && d.forecastIssued.issuedAt !== main.dataset.issued) loadDetail(main);
      },
    });
    try {
      const d = await ctx.gql.query(DETAIL, { id });
      if (mine !== seq) return;
      drawDetail(main, sources.find((s) => s.id === id), d);
    } catch (e) {
      if (mine === seq) fill(main, failed(`The forecast of ${id} could not be loaded.`, e.message));
    }
  }

  function drawDetail(main, source, d) {
    const f = d.forecast;
    const unit = UNIT[source.kind];
    if (!f) {
      fill(main, empty(`${source.id} has a model but no forecast issued yet.`, 'Forecasts are issued every few minutes of the application clock.'));
      return;
    }
    main.dataset.issued = f.issuedAt;
    const labels = f.values.map((v, i) => ctx.fmt.slotLabel(v.start, i === 0));
    const hasBand = f.values.some((v) => v.p10 !== null);
    const chartBox = h('div', { class: 'chart tall', id: 'forecast-chart' });
    const evalBox = h('div', { class: 'chart short', id: 'evaluation-chart' });
    const latestModel = d.forecastModels[0];
    fill(main,
      card(`${source.id}: forecast against actual`,
        h('p', { class: 'hint' }, `Issued ${ctx.fmt.dayTime(f.issuedAt)} by ${f.model}; times in ${ctx.fmt.timeZone}. ${f.actualSlots ? `${f.actualSlots} slots have actuals.` : 'No actual has arrived for these slots yet.'}`),
        chartBox),
      h('div', { class: 'columns even' },
        card('Selected model and its error',
          facts([
            ['Model', f.model],
            ['Parameters', f.parameters.map((p) => `${p.name}=${p.value}`).join(', ') || '–'],
            ['Error promised (CV MAE)', f.cvMae === null ? '–' : `${number(f.cvMae)} ${unit}`],
            ['Error made, this forecast', f.realisedMae === null ? 'no actuals yet' : `${number(f.realisedMae)} ${unit}`],
            ['Error made, last evaluations', source.realisedMae === null ? 'none evaluated yet' : `${number(source.realisedMae)} ${unit} over ${source.evaluations}`],
            ['P10–P90 coverage', f.coverage === null ? '–' : `${percent(f.coverage)} (calibrated ≈ 80 %)`],
            latestModel?.validation ? ['Against the naive baseline', `${latestModel.validation.baselineModel}: ${number(latestModel.validation.baselineMae)} ${unit}; gain ${number(latestModel.validation.gainPercent, 1)} %`] : null,
            ['Last trained', ctx.fmt.dayTime(source.lastTrainedAt)],
          ])),
        card('Realised error of past forecasts', d.forecastEvaluations.length ? evalBox
          : empty('No forecast of this source has been evaluated yet.', 'A forecast is scored once its horizon has passed and its actuals arrived.'))),
      card('Training runs', table([
        { title: 'Trained', cell: (m) => ctx.fmt.dayTime(m.trainedAt) },
        { title: 'Selected model', cell: (m) => m.model },
        { title: `Held-back MAE (${unit})`, numeric: true, cell: (m) => number(m.validation?.selectedMae) },
        { title: 'Baseline', cell: (m) => m.validation?.baselineModel ?? '–' },
        { title: `Baseline MAE (${unit})`, numeric: true, cell: (m) => number(m.validation?.baselineMae) },
        { title: 'Gain (%)', numeric: true, cell: (m) => number(m.validation?.gainPercent, 1) },
      ], d.forecastModels, { empty: 'No training run recorded.' })));

    const c = chartIn(chartBox);
    charts.push(c);
    const series = [];
    if (hasBand) {
      series.push({ name: 'P10', type: 'line', data: f.values.map((v) => v.p10), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: SERIES.band } });
      series.push({ name: 'P10–P90', type: 'line', data: f.values.map((v) => (v.p90 === null || v.p10 === null ? null : v.p90 - v.p10)), stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, itemStyle: { color: SERIES.band }, areaStyle: { color: SERIES.band, opacity: 0.45 }, tooltip: { show: false } });
    }
    series.push({ name: 'Forecast', type: 'line', data: f.values.map((v) => v.value), symbol: 'none', lineStyle: { width: 2, color: SERIES.forecast }, itemStyle: { color: SERIES.forecast } });
    series.push({ name: 'Actual', type: 'line', data: f.values.map((v) => v.actual), symbol: 'circle', symbolSize: 3, lineStyle: { width: 1.5, color: SERIES.actual }, itemStyle: { color: SERIES.actual } });
    c.set({
      grid: grid(),
      legend: legend({ data: ['Forecast', 'Actual', ...(hasBand ? ['P10–P90'] : [])] }),
      tooltip: tooltip((v) => (v === null || v === undefined ? '–' : `${number(v)} ${unit}`)),
      xAxis: slotAxis(labels, `time (${ctx.fmt.timeZone})`, { boundaryGap: false }),
      yAxis: valueAxis(unit, { scale: source.kind === 'PRICE' }),
      dataZoom: [{ type: 'inside' }],
      series,
    });
    if (d.forecastEvaluations.length) {
      const ev = [...d.forecastEvaluations].reverse();
      const e = chartIn(evalBox);
      charts.push(e);
      e.set({
        grid: grid({ bottom: 56 }),
        legend: legend(),
        tooltip: tooltip((v) => (v === null || v === undefined ? '–' : `${number(v)} ${unit}`)),
        xAxis: slotAxis(ev.map((x) => ctx.fmt.dayTime(x.issuedAt)), `issued (${ctx.fmt.timeZone})`, { nameGap: 40 }),
        yAxis: valueAxis(unit),
        series: [
          { name: `realised MAE (${unit})`, type: 'bar', data: ev.map((x) => x.realisedMae), itemStyle: { color: SERIES.forecast } },
          { name: `CV MAE, promised (${unit})`, type: 'line', data: ev.map((x) => x.cvMae), itemStyle: { color: SERIES.actual }, symbol: 'none' },
        ],
      });
    }
  }

  function disposeCharts() {
    for (const c of charts) c.dispose();
    charts = [];
  }

  return {
    mount(container) {
      const list = h('div', { class: 'sources' });
      const main = h('div', { class: 'forecast-main' });
      root = h('div', { class: 'view view-forecasts columns narrow-side-left' }, card('Sources', list), main);
      fill(container, root);
      loadSources(list, main);
    },
    unmount() {
      unsubscribe?.();
      disposeCharts();
      root = null;
    },
  };
}
