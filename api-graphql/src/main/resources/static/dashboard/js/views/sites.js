// Sites on a map of their latitude and longitude (no tiles: positions only), each sized by its installed power,
// with the devices around them in their kind's colour, and the same sites as a list with their capacity.
import { h, fill, svg, loading, empty, failed, card, badge, table } from '../dom.js';
import { kindColour, KIND_LABELS, STATUS_COLOURS, DEVICE_KINDS } from '../palette.js';
import { mw, number } from '../format.js';

const CAP = 'deviceCount maxPowerMw currentPowerMw storedEnergyMwh energyCapacityMwh';
const QUERY = `{
  fleet { nodes { id parentId kind name status installed { ${CAP} } available { ${CAP} } } }
  assets(filter: { kinds: [SITE, BATTERY, PV, WIND, LOAD, GENERATOR, EV_CHARGER] }, first: 1000) {
    totalCount edges { node { id kind parentId location { latitude longitude } } } }
}`;

export function sitesView(ctx) {
  let root;
  let selected = null;
  let data = null;

  async function load(body) {
    fill(body, loading('Loading sites and device locations…'));
    try {
      data = await ctx.gql.query(QUERY);
      draw(body);
    } catch (e) {
      fill(body, failed('The sites could not be loaded.', e.message));
    }
  }

  function draw(body) {
    const nodes = data.fleet?.nodes ?? [];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const located = new Map(data.assets.edges.map((e) => [e.node.id, e.node]));
    const sites = nodes.filter((n) => n.kind === 'SITE');
    if (!sites.length) {
      fill(body, empty('No site is registered yet.', 'Sites group devices behind one grid connection; register one under a region or portfolio in the Fleet view.'));
      return;
    }
    const siteOf = (id) => {
      for (let n = byId.get(id); n; n = byId.get(n.parentId)) if (n.kind === 'SITE') return n.id;
      return null;
    };
    const devices = [...located.values()].filter((a) => DEVICE_KINDS.includes(a.kind) && a.location);
    const position = new Map();
    for (const s of sites) {
      const own = located.get(s.id)?.location;
      const under = devices.filter((d) => siteOf(d.id) === s.id);
      if (own) position.set(s.id, own);
      else if (under.length) {
        position.set(s.id, {
          latitude: under.reduce((a, d) => a + d.location.latitude, 0) / under.length,
          longitude: under.reduce((a, d) => a + d.location.longitude, 0) / under.length,
        });
      }
    }
    const regionOf = (site) => {
      const p = byId.get(site.parentId);
      return p ? p.name : '–';
    };
    const list = table([
      { title: 'Site', cell: (s) => h('div', {}, h('div', { class: 'node-name' }, s.name), h('div', { class: 'sub' }, `${s.id} · ${regionOf(s)}`)) },
      { title: 'Status', cell: (s) => badge(s.status, STATUS_COLOURS[s.status], 'status') },
      { title: 'Devices', numeric: true, cell: (s) => `${s.available.deviceCount} / ${s.installed.deviceCount}` },
      { title: 'Avail. / inst. MW', numeric: true, cell: (s) => `${number(s.available.maxPowerMw)} / ${number(s.installed.maxPowerMw)}` },
      { title: 'Now MW', numeric: true, cell: (s) => number(s.available.currentPowerMw) },
      { title: 'Stored MWh', numeric: true, cell: (s) => (s.installed.energyCapacityMwh > 0 ? number(s.available.storedEnergyMwh) : '–') },
    ], [...sites].sort((a, b) => b.installed.maxPowerMw - a.installed.maxPowerMw), {
      rowKey: (s) => s.id, selected, onRow: (s) => { selected = s.id; draw(body); },
    });
    fill(body, h('div', { class: 'columns wide-side' },
      card('Map', h('p', { class: 'hint' }, 'Positions by latitude and longitude. Circle area: a site\'s installed power; ring: the share available now. Dots: devices, in their kind\'s colour.'),
        map(sites, devices, position, siteOf), legend()),
      card(`Sites (${sites.length})`, h('div', { class: 'table-wrap' }, list))));
  }

  function map(sites, devices, position, siteOf) {
    const points = [...position.values(), ...devices.map((d) => d.location)];
    if (!points.length) return empty('No site or device has a location yet.', 'PV and wind need one for their weather; other devices may give one.');
    const width = 640;
    const height = 480;
    const pad = 48;
    let [minLat, maxLat] = [Math.min(...points.map((p) => p.latitude)), Math.max(...points.map((p) => p.latitude))];
    let [minLon, maxLon] = [Math.min(...points.map((p) => p.longitude)), Math.max(...points.map((p) => p.longitude))];
    const spanLat = Math.max(maxLat - minLat, 0.5);
    const spanLon = Math.max(maxLon - minLon, 0.5);
    minLat -= spanLat * 0.12; maxLat += spanLat * 0.12; minLon -= spanLon * 0.12; maxLon += spanLon * 0.12;
    const cos = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
    const scale = Math.min((width - 2 * pad) / ((maxLon - minLon) * cos), (height - 2 * pad) / (maxLat - minLat));
    const offsetX = (width - 2 * pad - (maxLon - minLon) * cos * scale) / 2;
    const offsetY = (height - 2 * pad - (maxLat - minLat) * scale) / 2;
    const x = (lon) => pad + offsetX + (lon - minLon) * cos * scale;
    const y = (lat) => height - pad - offsetY - (lat - minLat) * scale;
    const grid = [];
    const step = niceStep(Math.max(maxLat - minLat, maxLon - minLon));
    for (let lat = Math.ceil(minLat / step) * step; lat <= maxLat; lat += step) {
      grid.push(svg('line', { x1: x(minLon), x2: x(maxLon), y1: y(lat), y2: y(lat), class: 'grid' }),
        svg('text', { x: 6, y: y(lat) + 4, class: 'axis' }, `${number(lat, 1)}° N`));
    }
    for (let lon = Math.ceil(minLon / step) * step; lon <= maxLon; lon += step) {
      grid.push(svg('line', { x1: x(lon), x2: x(lon), y1: y(minLat), y2: y(maxLat), class: 'grid' }),
        svg('text', { x: x(lon), y: height - 12, class: 'axis', 'text-anchor': 'middle' }, `${number(lon, 1)}° E`));
    }
    const largest = Math.max(...sites.map((s) => s.installed.maxPowerMw), 1);
    const radius = (s) => 6 + 16 * Math.sqrt(Math.max(s.installed.maxPowerMw, 0) / largest);
    // Labels of the largest sites first, each where it overlaps no label placed before; the others keep their tooltip.
    const placed = [];
    const labelAt = new Map();
    for (const s of [...sites].filter((x) => position.has(x.id)).sort((a, b) => b.installed.maxPowerMw - a.installed.maxPowerMw)) {
      const p = position.get(s.id);
      const r = radius(s);
      const w = s.name.length * 6.2 + 4;
      const spots = [[x(p.longitude) + r + 5, y(p.latitude) + 4, 'start'], [x(p.longitude) - r - 5, y(p.latitude) + 4, 'end'],
        [x(p.longitude), y(p.latitude) - r - 6, 'middle'], [x(p.longitude), y(p.latitude) + r + 14, 'middle']];
      for (const [lx, ly, anchor] of spots) {
        const left = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
        const box = [left, ly - 11, left + w, ly + 3];
        if (box[0] < 0 || box[2] > width) continue;
        if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
        placed.push(box);
        labelAt.set(s.id, [lx, ly, anchor]);
        break;
      }
    }
    const siteMarks = sites.filter((s) => position.has(s.id)).map((s) => {
      const p = position.get(s.id);
      const r = radius(s);
      const label = labelAt.get(s.id);
      const share = s.installed.maxPowerMw > 0 ? s.available.maxPowerMw / s.installed.maxPowerMw : 0;
      const circumference = 2 * Math.PI * (r + 3);
      return svg('g', { class: `site-mark${selected === s.id ? ' selected' : ''}`, onclick: () => { selected = s.id; draw(root.querySelector('.body')); } },
        svg('title', {}, `${s.name} (${s.id}): ${mw(s.available.maxPowerMw)} available of ${mw(s.installed.maxPowerMw)}, ${s.installed.deviceCount} devices, ${s.status}`),
        svg('circle', { cx: x(p.longitude), cy: y(p.latitude), r, class: 'site-disc', fill: STATUS_COLOURS[s.status] ?? '#94a3b8' }),
        svg('circle', { cx: x(p.longitude), cy: y(p.latitude), r: r + 3, class: 'site-ring',
          'stroke-dasharray': `${circumference * share} ${circumference}`, transform: `rotate(-90 ${x(p.longitude)} ${y(p.latitude)})` }),
        label ? svg('text', { x: label[0], y: label[1], class: 'site-label', 'text-anchor': label[2] }, s.name) : null);
    });
    const deviceMarks = devices.map((d) => svg('circle', {
      cx: x(d.location.longitude), cy: y(d.location.latitude), r: 3.5, fill: kindColour(d.kind), class: 'device-dot',
    }, svg('title', {}, `${KIND_LABELS[d.kind]} ${d.id}${siteOf(d.id) ? ` at ${siteOf(d.id)}` : ''}`)));
    return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': 'map of sites and devices' },
      grid, siteMarks, deviceMarks);
  }

  function legend() {
    return h('div', { class: 'legend' }, DEVICE_KINDS.map((k) => h('span', { class: 'legend-item' },
      h('span', { class: 'kind-dot', style: { background: kindColour(k) } }), KIND_LABELS[k])));
  }

  return {
    mount(container) {
      const body = h('div', { class: 'body' });
      root = h('div', { class: 'view view-sites' }, body);
      fill(container, root);
      load(body);
    },
    unmount() {
      root = null;
    },
  };
}

function niceStep(span) {
  for (const s of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20]) if (span / s <= 6) return s;
  return 30;
}
