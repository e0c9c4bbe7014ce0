// What an OPERATOR does to the registry: register an asset under a node, change its status or decommission it, and
// import a device's metered series from a CSV file. Each refusal appears next to the field it names.
import { h } from '../dom.js';
import { KIND_LABELS } from '../palette.js';
import { number } from '../format.js';
import { actionForm, field, numberInput, textInput, select, checkbox, numberOf, textOf, compact, outcome } from '../forms.js';

const REGISTER = `mutation($input: RegisterAssetInput!) { registerAsset(input: $input) {
  status version asset { id kind name parentId status } errors { field code message } } }`;
const CHANGE_STATUS = `mutation($input: ChangeAssetStatusInput!) { changeAssetStatus(input: $input) {
  status asset { id status statusReason } errors { field code message } } }`;
const DECOMMISSION = `mutation($input: DecommissionAssetInput!) { decommissionAsset(input: $input) {
  status asset { id status } errors { field code message } } }`;
const IMPORT = `mutation($input: ImportTelemetryCsvInput!) { importTelemetryCsv(input: $input) {
  received stored from to notes errors { field code message } } }`;

/** The limits a kind takes, with the defaults an operator usually starts from. */
const LIMITS = {
  BATTERY: [['minPowerMw', -1], ['maxPowerMw', 1], ['energyCapacityMwh', 2], ['chargeEfficiency', 0.95], ['dischargeEfficiency', 0.95],
    ['rampRateMwPerMin', null], ['minSoc', 0.05], ['maxSoc', 0.95], ['reserveSoc', 0.1]],
  PV: [['minPowerMw', 0], ['maxPowerMw', 2], ['rampRateMwPerMin', null]],
  WIND: [['minPowerMw', 0], ['maxPowerMw', 3], ['rampRateMwPerMin', null]],
  LOAD: [['minPowerMw', -1], ['maxPowerMw', 0]],
  GENERATOR: [['minPowerMw', 0], ['maxPowerMw', 1], ['rampRateMwPerMin', null]],
  EV_CHARGER: [['minPowerMw', -0.15], ['maxPowerMw', 0]],
  SITE: [['gridConnectionLimitMw', null]],
  REGION: [],
};

const LIMIT_LABELS = {
  minPowerMw: ['Minimum power', 'MW', 'negative = consumption (charging)'],
  maxPowerMw: ['Maximum power', 'MW', 'positive = injection'],
  energyCapacityMwh: ['Energy capacity', 'MWh'],
  chargeEfficiency: ['Charge efficiency', '0–1'],
  dischargeEfficiency: ['Discharge efficiency', '0–1'],
  rampRateMwPerMin: ['Ramp rate', 'MW/min', 'optional'],
  minSoc: ['Minimum SoC', '0–1'],
  maxSoc: ['Maximum SoC', '0–1'],
  reserveSoc: ['Backup reserve SoC', '0–1', 'never used by the VPP'],
  gridConnectionLimitMw: ['Grid connection limit', 'MW', 'optional'],
};

const NEEDS_LOCATION = new Set(['PV', 'WIND']);

/**
 * @param groups        () => the group nodes an asset may be registered under
 * @param selectedGroup () => the group to preselect (the one selected in the tree)
 * @param registered    (asset) => called once the asset is recorded
 */
export function registerAssetForm(ctx, { groups, selectedGroup, registered }) {
  const kind = select(Object.keys(LIMITS).map((k) => [k, KIND_LABELS[k]]), 'BATTERY');
  const id = textInput({ placeholder: 'e.g. bat-berlin-7' });
  const name = textInput({ placeholder: 'e.g. Berlin battery 7' });
  const parent = select([], null);
  const latitude = numberInput({ placeholder: '52.52' });
  const longitude = numberInput({ placeholder: '13.40' });
  const initialStatus = select(['ONLINE', 'OFFLINE', 'MAINTENANCE'], 'ONLINE');
  const limitControls = Object.fromEntries(Object.keys(LIMIT_LABELS).map((k) => [k, numberInput()]));
  const limitFields = Object.fromEntries(Object.entries(limitControls).map(([k, control]) => {
    const [label, unit, hint] = LIMIT_LABELS[k];
    return [k, field(label, `input.limits.${k}`, control, { unit, hint })];
  }));
  const locationFields = h('div', { class: 'pair' },
    field('Latitude', 'input.location.latitude', latitude, { unit: '°N' }),
    field('Longitude', 'input.location.longitude', longitude, { unit: '°E' }));
  const locationHint = h('p', { class: 'hint' });

  let offered = null;
  /** Offers the tree's groups; the options are rebuilt only when the groups change, so a choice is never lost. */
  const refreshParents = () => {
    const list = groups().sort((a, b) => a.id.localeCompare(b.id));
    const signature = list.map((g) => `${g.id}|${g.name}`).join('\n');
    if (signature === offered) return;
    offered = signature;
    const keep = parent.value || selectedGroup();
    parent.replaceChildren(...list.map((g) => h('option', { value: g.id, selected: g.id === keep }, `${g.name} (${KIND_LABELS[g.kind]}, ${g.id})`)));
    if (!list.length) parent.append(h('option', { value: '' }, 'no group registered yet'));
  };
  const showKind = () => {
    const k = kind.value;
    const wanted = new Map(LIMITS[k]);
    for (const [name, wrap] of Object.entries(limitFields)) {
      const shown = wanted.has(name);
      wrap.hidden = !shown;
      const def = wanted.get(name);
      if (shown && limitControls[name].dataset.kind !== k) limitControls[name].value = def === null || def === undefined ? '' : String(def);
      limitControls[name].dataset.kind = k;
    }
    locationHint.textContent = NEEDS_LOCATION.has(k) ? 'A PV plant or wind park needs its location (its weather).' : 'Location: optional.';
  };
  kind.addEventListener('change', showKind);

  const form = actionForm({
    name: 'register-asset',
    intro: 'A device under a site, or a site or region under a group. Power is positive for injection.',
    fields: [
      h('div', { class: 'pair' }, field('Kind', 'input.kind', kind), field('Initial status', 'input.initialStatus', initialStatus)),
      field('Id', 'input.id', id, { hint: 'letters, digits, . _ : -' }),
      field('Name', 'input.name', name),
      field('Under', 'input.parentId', parent),
      h('fieldset', { class: 'limits' }, h('legend', {}, 'Technical limits'), Object.values(limitFields)),
      h('fieldset', {}, h('legend', {}, 'Location'), locationHint, locationFields),
    ],
    submitLabel: 'Register',
    submit: async () => {
      const k = kind.value;
      const limits = compact(Object.fromEntries(LIMITS[k].map(([n]) => [n, numberOf(limitControls[n])])));
      const lat = numberOf(latitude);
      const lon = numberOf(longitude);
      const input = compact({
        id: textOf(id) ?? '',
        kind: k,
        name: textOf(name) ?? '',
        parentId: parent.value || null,
        location: lat === null && lon === null ? null : { latitude: lat, longitude: lon },
        limits: Object.keys(limits).length ? limits : null,
        initialStatus: initialStatus.value,
      });
      const { registerAsset: p } = await ctx.gql.query(REGISTER, { input });
      if (p.errors.length) return p;
      registered?.(p.asset);
      return { message: outcome(p.status, `Registered ${p.asset?.name ?? input.name} (${input.id}) under ${input.parentId}`) };
    },
  });
  refreshParents();
  showKind();
  // the tree fills in after the form is built: offer its groups as they arrive
  const refill = setInterval(() => {
    if (!form.isConnected) return clearInterval(refill);
    if (document.activeElement !== parent) refreshParents();
  }, 1000);
  return form;
}

/** Change the status of the asset shown, or decommission it. */
export function statusForms(ctx, asset, changed) {
  const status = select(['ONLINE', 'OFFLINE', 'FAULT', 'MAINTENANCE'].map((s) => [s, s]), asset.status === 'ONLINE' ? 'MAINTENANCE' : 'ONLINE');
  const reason = textInput({ placeholder: 'why (optional)' });
  const change = actionForm({
    name: 'change-status',
    title: 'Change status',
    fields: [h('div', { class: 'pair' }, field('New status', 'input.status', status), field('Reason', 'input.reason', reason))],
    submitLabel: 'Change status',
    submit: async () => {
      const { changeAssetStatus: p } = await ctx.gql.query(CHANGE_STATUS, { input: compact({ id: asset.id, status: status.value, reason: textOf(reason) }) });
      if (p.errors.length) return p;
      changed();
      return { message: outcome(p.status, `${asset.id} is now ${p.asset?.status ?? status.value}`) };
    },
  });
  const why = textInput({ placeholder: 'why (optional)' });
  const decommission = actionForm({
    name: 'decommission',
    title: 'Decommission',
    intro: 'For good: the asset leaves the fleet\'s capacity and takes no further command.',
    fields: [field('Reason', 'input.reason', why)],
    submitLabel: `Decommission ${asset.id}`,
    danger: true,
    submit: async () => {
      if (!window.confirm(`Decommission ${asset.name} (${asset.id})? This cannot be undone.`)) return { message: 'Nothing was changed.' };
      const { decommissionAsset: p } = await ctx.gql.query(DECOMMISSION, { input: compact({ id: asset.id, reason: textOf(why) }) });
      if (p.errors.length) return p;
      changed();
      return { message: outcome(p.status, `${asset.id} decommissioned`) };
    },
  });
  return h('div', { class: 'asset-actions' }, change, decommission);
}

/** A device's metered history from a CSV file (timestamp,value per line), stored as its telemetry. */
export function importCsvForm(ctx, { devices, selectedDevice }) {
  const assetId = textInput({ list: 'csv-devices', placeholder: 'device id' });
  const options = h('datalist', { id: 'csv-devices' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv,text/plain' });
  const csv = h('textarea', { rows: 4, placeholder: 'timestamp,value\n2026-06-14T00:00:00Z,1.2\n…', spellcheck: 'false' });
  const unit = select(['MW', 'KW', 'W'], 'MW');
  const separator = select([[',', 'comma ,'], [';', 'semicolon ;'], ['\t', 'tab']], ',');
  const decimalComma = checkbox(false);
  const consumptionPositive = checkbox(false);
  const localZone = textInput({ value: ctx.market.timeZone });
  const maxFill = textInput({ value: 'PT1H' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) csv.value = await chosen.text();
  });
  assetId.addEventListener('focus', () => {
    if (!assetId.value) assetId.value = selectedDevice() ?? '';
    options.replaceChildren(...devices().map((d) => h('option', { value: d.id }, `${d.name} (${KIND_LABELS[d.kind]})`)));
  });
  return actionForm({
    name: 'import-csv',
    intro: 'Timestamps ISO-8601, dd.MM.yyyy HH:mm or epoch seconds; local times are read in the zone below, across clock changes.',
    fields: [
      options,
      field('Device', 'input.assetId', assetId),
      field('File', 'input.file', file, { hint: 'or paste the text below' }),
      field('CSV text', 'input.csv', csv),
      h('div', { class: 'pair' }, field('Unit', 'input.unit', unit), field('Separator', 'input.separator', separator)),
      h('div', { class: 'pair' }, field('Local time zone', 'input.localZone', localZone), field('Bridge gaps up to', 'input.maxFill', maxFill, { hint: 'ISO-8601, PT0S: none' })),
      h('div', { class: 'pair checks' },
        field('Decimal comma (12,5)', 'input.decimalComma', decimalComma),
        field('Consumption as positive numbers', 'input.consumptionPositive', consumptionPositive)),
    ],
    submitLabel: 'Import',
    submit: async () => {
      if (!assetId.value) assetId.value = selectedDevice() ?? '';
      const input = compact({
        assetId: textOf(assetId) ?? '',
        csv: csv.value,
        unit: unit.value,
        separator: separator.value,
        decimalComma: decimalComma.checked,
        consumptionPositive: consumptionPositive.checked,
        localZone: textOf(localZone),
        maxFill: textOf(maxFill),
      });
      const { importTelemetryCsv: p } = await ctx.gql.query(IMPORT, { input });
      if (p.errors.length) return p;
      return {
        message: `Stored ${number(p.stored)} of ${number(p.received)} readings${p.from ? ` from ${ctx.fmt.dayTime(p.from)} to ${ctx.fmt.dayTime(p.to)}` : ''}.`,
        detail: p.notes.length ? h('ul', { class: 'notes' }, p.notes.map((n) => h('li', {}, n))) : null,
      };
    },
  });
}
