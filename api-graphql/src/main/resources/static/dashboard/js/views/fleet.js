// The fleet tree: every node with its status and its available against installed capacity, live from the
// fleetCapacity subscription; groups open a level at a time (portfolio > region > site > device).
import { h, fill, loading, empty, failed, badge, facts, card } from '../dom.js';
import { kindColour, KIND_LABELS, STATUS_COLOURS } from '../palette.js';
import { mw, mwh, number } from '../format.js';
import { registerAssetForm, statusForms, importCsvForm } from './asset-forms.js';

const CAPACITY = 'deviceCount maxPowerMw minPowerMw energyCapacityMwh storedEnergyMwh headroomMwh currentPowerMw upwardFlexMw downwardFlexMw devicesWithoutTelemetry';
const NODE = `id parentId depth kind name status installed { ${CAPACITY} } available { ${CAPACITY} }`;
const SUBSCRIPTION = `subscription($depth: Int) { fleetCapacity(everySeconds: 2) { installed { ${CAPACITY} } available { ${CAPACITY} } nodes(maxDepth: $depth) { ${NODE} } } }`;
const LEVEL = `query($id: ID!) { fleet(rootId: $id) { nodes(maxDepth: 1) { ${NODE} } } }`;
const ASSET = `query($id: ID!) { asset(id: $id) { id kind name parentId status statusOrigin statusReason registeredAt updatedAt version
  location { latitude longitude }
  limits { minPowerMw maxPowerMw energyCapacityMwh chargeEfficiency dischargeEfficiency rampRateMwPerMin minSoc maxSoc reserveSoc gridConnectionLimitMw }
  lastTelemetry { at powerMw soc available } } }`;

const GROUPS = new Set(['PORTFOLIO', 'REGION', 'SITE']);

export function fleetView(ctx) {
  const state = {
    nodes: new Map(),
    totals: null,
    expanded: new Set(),
    loadingLevel: new Set(),
    depth: 2,
    selected: null,
    received: false,
    error: null,
    unsubscribe: null,
    updates: 0,
  };
  let root;
  let treeBody;
  let kpis;
  let detail;
  let detailSeq = 0;

  function subscribe() {
    state.unsubscribe?.();
    state.unsubscribe = ctx.subs.subscribe(SUBSCRIPTION, { depth: state.depth }, {
      next: (data) => {
        const fleet = data.fleetCapacity;
        const before = new Map([...state.nodes].map(([id, n]) => [id, signature(n)]));
        const next = new Map();
        for (const n of fleet.nodes) next.set(n.id, n);
        // keep what a level query fetched beyond the subscription's depth until the next message covers it
        for (const [id, n] of state.nodes) if (!next.has(id) && next.has(n.parentId)) next.set(id, n);
        state.nodes = next;
        state.totals = fleet;
        state.received = true;
        state.error = null;
        state.updates++;
        if (!state.opened && next.size) {
          state.opened = true;
          // open the top two levels (portfolio > regions > sites); devices are a click further
          for (const n of roots()) {
            state.expanded.add(n.id);
            for (const c of children(n.id)) if (GROUPS.has(c.kind)) state.expanded.add(c.id);
          }
        }
        const changed = new Set([...next].filter(([id, n]) => before.has(id) && before.get(id) !== signature(n)).map(([id]) => id));
        render(changed);
        if (state.selected && changed.has(state.selected)) showDetail(state.selected, true);
      },
      error: (message) => {
        state.error = message;
        render();
      },
    });
  }

  function roots() {
    return [...state.nodes.values()].filter((n) => !n.parentId || !state.nodes.has(n.parentId));
  }

  function children(id) {
    return [...state.nodes.values()].filter((n) => n.parentId === id);
  }

  function levelOf(node) {
    let level = 0;
    for (let n = node; n?.parentId && state.nodes.has(n.parentId); n = state.nodes.get(n.parentId)) level++;
    return level;
  }

  async function toggle(node) {
    if (state.expanded.has(node.id)) {
      state.expanded.delete(node.id);
      render();
      return;
    }
    state.expanded.add(node.id);
    const needed = levelOf(node) + 1;
    if (children(node.id).length === 0) {
      state.loadingLevel.add(node.id);
      render();
      try {
        const data = await ctx.gql.query(LEVEL, { id: node.id });
        for (const n of data.fleet?.nodes ?? []) if (n.id !== node.id) state.nodes.set(n.id, n);
      } catch (e) {
        ctx.toast(`Could not open ${node.name}: ${e.message}`);
      } finally {
        state.loadingLevel.delete(node.id);
      }
    }
    if (needed > state.depth) {
      state.depth = needed;
      subscribe();
    }
    render();
  }

  function select(node) {
    state.selected = node.id;
    render();
    showDetail(node.id);
  }

  /** Shows a node's details; `refresh` only redraws its facts, leaving its forms (and what they said) in place. */
  async function showDetail(id, refresh = false) {
    const seq = ++detailSeq;
    const shown = [...detail.querySelectorAll('.asset-detail')].find((e) => e.dataset.assetId === id);
    if (!refresh || !shown) fill(detail, loading(`Loading ${id}…`));
    try {
      const { asset } = await ctx.gql.query(ASSET, { id });
      if (seq !== detailSeq) return;
      if (!asset) {
        fill(detail, empty(`${id} is no longer in the registry.`));
        return;
      }
      if (refresh && shown?.isConnected) {
        shown.querySelector('.detail-facts').replaceWith(detailFacts(asset));
        if (asset.status === 'DECOMMISSIONED') shown.querySelector('.asset-actions')?.remove();
      } else {
        fill(detail, assetDetail(asset));
      }
    } catch (e) {
      if (seq === detailSeq) fill(detail, failed(`Could not load ${id}.`, e.message));
    }
  }

  function assetDetail(asset) {
    return h('div', { class: 'asset-detail', dataset: { assetId: asset.id } }, detailFacts(asset),
      ctx.can.operate && asset.status !== 'DECOMMISSIONED' ? statusForms(ctx, asset, () => showDetail(asset.id, true)) : null);
  }

  function detailFacts(asset) {
    const l = asset.limits;
    const node = state.nodes.get(asset.id);
    const t = asset.lastTelemetry;
    return h('div', { class: 'detail-facts' },
      h('div', { class: 'detail-head' },
        h('span', { class: 'kind-dot', style: { background: kindColour(asset.kind) } }),
        h('div', {}, h('h3', {}, asset.name), h('p', { class: 'muted' }, `${KIND_LABELS[asset.kind] ?? asset.kind} · ${asset.id}`)),
        statusBadge(asset.status)),
      facts([
        ['Status', `${asset.status}${asset.statusReason ? ` – ${asset.statusReason}` : ''} (set by ${asset.statusOrigin.toLowerCase()})`],
        asset.parentId ? ['Parent', asset.parentId] : null,
        node ? ['Available / installed', `${mw(node.available.maxPowerMw)} / ${mw(node.installed.maxPowerMw)}`] : null,
        node && node.installed.energyCapacityMwh > 0 ? ['Stored / usable', `${mwh(node.available.storedEnergyMwh)} / ${mwh(node.installed.energyCapacityMwh)}`] : null,
        l.minPowerMw !== null || l.maxPowerMw !== null ? ['Power range', `${mw(l.minPowerMw)} … ${mw(l.maxPowerMw)}`] : null,
        l.energyCapacityMwh !== null ? ['Energy capacity', mwh(l.energyCapacityMwh)] : null,
        l.chargeEfficiency !== null ? ['Efficiency (charge / discharge)', `${number(l.chargeEfficiency)} / ${number(l.dischargeEfficiency)}`] : null,
        l.minSoc !== null ? ['SoC bounds (reserve)', `${number(l.minSoc)} – ${number(l.maxSoc)} (${number(l.reserveSoc)})`] : null,
        l.rampRateMwPerMin !== null ? ['Ramp rate', `${number(l.rampRateMwPerMin)} MW/min`] : null,
        l.gridConnectionLimitMw !== null ? ['Grid connection', mw(l.gridConnectionLimitMw)] : null,
        asset.location ? ['Location', `${number(asset.location.latitude, 4)}° N, ${number(asset.location.longitude, 4)}° E`] : null,
        t ? ['Last reading', `${mw(t.powerMw)}${t.soc !== null ? `, SoC ${number(t.soc * 100, 0)} %` : ''} at ${ctx.fmt.dayTime(t.at)}${t.available ? '' : ' (unavailable)'}`] : null,
        ['Registered', ctx.fmt.dayTime(asset.registeredAt)],
      ]));
  }

  function statusBadge(status) {
    return badge(status, STATUS_COLOURS[status], `status status-${status.toLowerCase()}`);
  }

  function rows() {
    const out = [];
    const visit = (node, level) => {
      out.push(row(node, level));
      if (!state.expanded.has(node.id)) return;
      const kids = children(node.id);
      if (state.loadingLevel.has(node.id)) out.push(infoRow(level + 1, loading(`Loading what is under ${node.name}…`)));
      else if (kids.length === 0 && GROUPS.has(node.kind)) out.push(infoRow(level + 1, h('span', { class: 'muted' }, 'No assets under this node yet.')));
      for (const k of kids) visit(k, level + 1);
    };
    for (const r of roots()) visit(r, 0);
    return out;
  }

  function infoRow(level, content) {
    return h('tr', { class: 'info-row' }, h('td', { colspan: 6 }, h('div', { style: { paddingLeft: `${level * 20 + 28}px` } }, content)));
  }

  function row(node, level) {
    const group = GROUPS.has(node.kind);
    const open = state.expanded.has(node.id);
    const inst = node.installed;
    const avail = node.available;
    const share = inst.maxPowerMw > 0 ? Math.max(0, Math.min(1, avail.maxPowerMw / inst.maxPowerMw)) : 0;
    return h('tr', {
      class: ['node', state.selected === node.id ? 'selected' : '', node.status === 'DECOMMISSIONED' ? 'decommissioned' : ''].join(' '),
      dataset: { nodeId: node.id, status: node.status, kind: node.kind },
      onclick: () => select(node),
    },
    h('td', { class: 'tree-cell' },
      h('div', { class: 'tree-label', style: { paddingLeft: `${level * 20}px` } },
        group
          ? h('button', {
            type: 'button', class: 'toggle', 'aria-expanded': String(open), title: open ? 'Close' : 'Open',
            'aria-label': `${open ? 'Close' : 'Open'} ${node.name}`,
            onclick: (e) => { e.stopPropagation(); toggle(node); },
          }, open ? '▾' : '▸')
          : h('span', { class: 'toggle-space' }),
        h('span', { class: 'kind-dot', title: KIND_LABELS[node.kind] ?? node.kind, style: { background: kindColour(node.kind) } }),
        h('span', { class: 'node-name' }, node.name),
        h('span', { class: 'node-id', title: node.id }, node.id))),
    h('td', {}, statusBadge(node.status)),
    h('td', { class: 'num capacity-cell' },
      h('div', { class: 'capacity-text' }, `${number(avail.maxPowerMw)} / ${number(inst.maxPowerMw)}`),
      h('div', { class: 'bar', title: `${number(share * 100, 0)} % available` }, h('span', { style: { width: `${share * 100}%` } }))),
    h('td', { class: 'num' }, number(avail.currentPowerMw)),
    h('td', { class: 'num' }, inst.energyCapacityMwh > 0 ? `${number(avail.storedEnergyMwh)} / ${number(inst.energyCapacityMwh)}` : '–'),
    h('td', { class: 'num' }, group ? `${avail.deviceCount} / ${inst.deviceCount}` : (inst.devicesWithoutTelemetry ? 'no data' : '')));
  }

  function renderKpis() {
    const t = state.totals;
    if (!t) return fill(kpis);
    const i = t.installed;
    const a = t.available;
    return fill(kpis,
      kpi('Available power', mw(a.maxPowerMw), `of ${mw(i.maxPowerMw)} installed`),
      kpi('Current output', mw(a.currentPowerMw), 'positive = injection'),
      kpi('Flexibility', `+${number(a.upwardFlexMw, 1)} / −${number(a.downwardFlexMw, 1)} MW`, 'up / down from now'),
      kpi('Stored energy', mwh(a.storedEnergyMwh), `of ${mwh(i.energyCapacityMwh)} usable`),
      kpi('Devices available', `${a.deviceCount} / ${i.deviceCount}`, i.devicesWithoutTelemetry ? `${i.devicesWithoutTelemetry} never reported` : 'all reported'));
  }

  function kpi(label, value, sub) {
    return h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-sub' }, sub));
  }

  function render(changed = new Set()) {
    if (!root) return;
    renderKpis();
    if (state.error && !state.received) {
      fill(treeBody, infoRow(0, failed('The fleet could not be loaded.', state.error)));
      return;
    }
    if (!state.received) {
      fill(treeBody, infoRow(0, loading('Waiting for the fleet: subscribing to live capacity…')));
      return;
    }
    if (state.nodes.size === 0) {
      fill(treeBody, infoRow(0, empty('The registry is empty.', ctx.can.operate
        ? 'Register a portfolio, then sites and devices under it, with the form on the right (or start the demo world: ./vpp run).'
        : 'An operator registers assets; the demo world (./vpp run) registers a fleet by itself.')));
      return;
    }
    fill(treeBody, rows());
    for (const id of changed) treeBody.querySelector(`tr[data-node-id="${CSS.escape(id)}"]`)?.classList.add('changed');
    root.dataset.updates = String(state.updates);
  }

  return {
    mount(container) {
      kpis = h('div', { class: 'kpis' });
      treeBody = h('tbody', {});
      detail = h('div', { class: 'detail' }, empty('Select a node to see its limits and last reading.'));
      const tree = h('table', { class: 'data tree', id: 'fleet-tree' },
        h('thead', {}, h('tr', {},
          h('th', {}, 'Node'), h('th', {}, 'Status'),
          h('th', { class: 'num' }, 'Avail. / inst. MW'), h('th', { class: 'num' }, 'Now MW'),
          h('th', { class: 'num' }, 'Stored / usable MWh'), h('th', { class: 'num' }, 'Devices'))),
        treeBody);
      const side = h('aside', { class: 'side' }, card('Selected node', detail),
        ctx.can.operate ? card('Register an asset', registerAssetForm(ctx, {
          groups: () => [...state.nodes.values()].filter((n) => GROUPS.has(n.kind) && n.status !== 'DECOMMISSIONED'),
          selectedGroup: () => {
            const n = state.nodes.get(state.selected);
            return n ? (GROUPS.has(n.kind) ? n.id : n.parentId) : null;
          },
          registered: async (asset) => {
            const parent = state.nodes.get(asset.parentId);
            if (parent && !state.expanded.has(parent.id)) await toggle(parent);
            state.nodes.set(asset.id, state.nodes.get(asset.id) ?? placeholder(asset, parent));
            select(state.nodes.get(asset.id));
          },
        })) : null,
        ctx.can.operate ? card('Import a CSV series', importCsvForm(ctx, {
          devices: () => [...state.nodes.values()].filter((n) => !GROUPS.has(n.kind)),
          selectedDevice: () => {
            const n = state.nodes.get(state.selected);
            return n && !GROUPS.has(n.kind) ? n.id : null;
          },
        })) : null);
      root = h('div', { class: 'view view-fleet' },
        kpis,
        h('div', { class: 'columns' },
          card('Fleet tree', h('p', { class: 'hint' }, 'Live: capacity and status follow the fleetCapacity subscription. Open a group to drill down; select a node for its details.'),
            kindLegend(),
            h('div', { class: 'table-wrap' }, tree)),
          side));
      fill(container, root);
      render();
      subscribe();
    },
    unmount() {
      state.unsubscribe?.();
      root = null;
    },
  };
}

/** A just-registered node until the next fleet message carries it with its capacity. */
function placeholder(asset, parent) {
  const zero = { deviceCount: 0, maxPowerMw: 0, minPowerMw: 0, energyCapacityMwh: 0, storedEnergyMwh: 0, headroomMwh: 0,
    currentPowerMw: 0, upwardFlexMw: 0, downwardFlexMw: 0, devicesWithoutTelemetry: 0 };
  return { id: asset.id, parentId: asset.parentId, depth: (parent?.depth ?? 0) + 1, kind: asset.kind, name: asset.name,
    status: asset.status, installed: zero, available: zero };
}

function kindLegend() {
  return h('div', { class: 'legend' }, Object.keys(KIND_LABELS).map((k) => h('span', { class: 'legend-item' },
    h('span', { class: 'kind-dot', style: { background: kindColour(k) } }), KIND_LABELS[k])));
}

/** What makes a row flash when a live message changes it: its status (capacity moves all the time). */
function signature(n) {
  return n.status;
}
