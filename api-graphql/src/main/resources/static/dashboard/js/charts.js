// ECharts from its WebJar, with the dashboard's defaults: units named on every axis, slot axes labelled in the
// market's zone, and a chart element that tells (data-points) how much it shows.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

export { echarts };

const TEXT = '#334155';
const GRID_LINE = '#e2e8f0';

/** A chart in `element`, resized with it. Returns { chart, set(option), dispose() }. */
export function chartIn(element) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(element);
  return {
    chart,
    set(option, points) {
      chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: TEXT }, ...option }, true);
      element.dataset.points = String(points ?? countPoints(option));
      element.dataset.rendered = 'true';
    },
    dispose() {
      resize.disconnect();
      chart.dispose();
    },
  };
}

function countPoints(option) {
  return (option.series ?? []).reduce((n, s) => n + (s.data ?? []).filter((v) => v !== null && v !== undefined && v !== '-').length, 0);
}

/** A value axis named with its unit. */
export function valueAxis(unit, extra = {}) {
  return {
    type: 'value',
    name: unit,
    nameLocation: 'end',
    nameTextStyle: { color: TEXT, fontWeight: 600, align: extra.position === 'right' ? 'left' : 'right' },
    axisLabel: { color: TEXT },
    splitLine: { lineStyle: { color: GRID_LINE } },
    ...extra,
  };
}

/** A category axis of labels (slot times in the market's zone), named with the zone. */
export function slotAxis(labels, name, extra = {}) {
  return {
    type: 'category',
    data: labels,
    name,
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: { color: TEXT, fontWeight: 600 },
    axisLabel: { color: TEXT, hideOverlap: true },
    axisTick: { alignWithLabel: true },
    ...extra,
  };
}

export function tooltip(formatValue) {
  return {
    trigger: 'axis',
    confine: true,
    axisPointer: { type: 'shadow' },
    valueFormatter: formatValue,
  };
}

export const grid = (extra = {}) => ({ left: 64, right: 24, top: 52, bottom: 48, containLabel: false, ...extra });

export const legend = (extra = {}) => ({ top: 0, left: 'center', textStyle: { color: TEXT }, itemWidth: 14, itemHeight: 10, ...extra });
