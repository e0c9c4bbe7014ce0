// One colour per asset kind and per status, used by every view: a battery is the same violet in the tree, on the map
// and in the schedule.

export const KIND_COLOURS = Object.freeze({
  BATTERY: '#7c3aed',
  PV: '#f59e0b',
  WIND: '#0ea5e9',
  LOAD: '#64748b',
  GENERATOR: '#dc2626',
  EV_CHARGER: '#10b981',
  PORTFOLIO: '#0f172a',
  REGION: '#334155',
  SITE: '#475569',
});

export const KIND_LABELS = Object.freeze({
  BATTERY: 'Battery',
  PV: 'PV',
  WIND: 'Wind',
  LOAD: 'Load',
  GENERATOR: 'Generator',
  EV_CHARGER: 'EV charger',
  PORTFOLIO: 'Portfolio',
  REGION: 'Region',
  SITE: 'Site',
});

export const DEVICE_KINDS = Object.freeze(['BATTERY', 'PV', 'WIND', 'LOAD', 'GENERATOR', 'EV_CHARGER']);
export const GROUP_KINDS = Object.freeze(['PORTFOLIO', 'REGION', 'SITE']);

export const STATUS_COLOURS = Object.freeze({
  ONLINE: '#16a34a',
  OFFLINE: '#94a3b8',
  FAULT: '#dc2626',
  MAINTENANCE: '#d97706',
  DECOMMISSIONED: '#6b7280',
});

/** Series that are not an asset kind. */
export const SERIES = Object.freeze({
  target: '#111827',
  delivered: '#2563eb',
  deviation: '#dc2626',
  forecast: '#2563eb',
  band: '#93c5fd',
  actual: '#111827',
  price: '#be185d',
  priceBand: '#f9a8d4',
  clearing: '#0f766e',
  revenue: '#16a34a',
  imbalance: '#dc2626',
  total: '#1e293b',
  net: '#111827',
});

export function kindColour(kind) {
  return KIND_COLOURS[kind] ?? '#6b7280';
}

/** The kind's colour, lighter or darker per asset, so that assets of one kind stay apart in a stack yet read as one kind. */
export function assetShade(kind, index) {
  const base = kindColour(kind);
  const steps = [0, 0.18, -0.14, 0.32, -0.26, 0.44];
  return shade(base, steps[index % steps.length]);
}

function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c) => Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount));
  const r = channel((n >> 16) & 255);
  const g = channel((n >> 8) & 255);
  const b = channel(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}
