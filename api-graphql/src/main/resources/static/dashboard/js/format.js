// Times in the market's time zone (whatever the browser's zone is) and quantities with their units.

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const MONEY = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function number(value, digits) {
  if (value === null || value === undefined || value === '') return '–';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return digits === undefined ? NUMBER.format(n) : new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export const mw = (v) => (v === null || v === undefined ? '–' : `${number(v)} MW`);
export const mwh = (v) => (v === null || v === undefined ? '–' : `${number(v)} MWh`);
/** Money arrives as exact decimal strings ("-12.50"); shown with two decimals. */
export const eur = (v) => (v === null || v === undefined ? '–' : `${MONEY.format(Number(v))} EUR`);
export const percent = (share) => (share === null || share === undefined ? '–' : `${number(Number(share) * 100, 1)} %`);

/** Formatters bound to one IANA zone (the market's). */
export function zoned(timeZone) {
  const f = (options) => new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options });
  const time = f({ hour: '2-digit', minute: '2-digit' });
  const dayTime = f({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const full = f({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const dayShort = f({ weekday: 'short', day: 'numeric', month: 'short' });
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const when = (v) => (v instanceof Date ? v : new Date(v));
  const ok = (v) => v !== null && v !== undefined && v !== '';

  /** The zone's offset from UTC at an instant, in minutes. */
  const offsetAt = (date) => {
    const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  };

  /** The zone's wall clock at an instant, as if it were UTC (milliseconds). */
  const wallOf = (date) => date.getTime() + offsetAt(date) * 60000;

  return {
    timeZone,
    time: (v) => (ok(v) ? time.format(when(v)) : '–'),
    dayTime: (v) => (ok(v) ? dayTime.format(when(v)) : '–'),
    full: (v) => (ok(v) ? full.format(when(v)) : '–'),
    dayShort: (v) => (ok(v) ? dayShort.format(when(v)) : '–'),
    /** A window: "Mon 15 Jun, 20:15 – 21:15" within a day, both ends in full across days. */
    window: (from, to) => {
      if (!ok(from) || !ok(to)) return '–';
      const sameDay = iso.format(when(from)) === iso.format(new Date(when(to).getTime() - 1));
      const end = time.format(when(to));
      return sameDay ? `${dayTime.format(when(from))} – ${end === '00:00' ? '24:00' : end}` : `${dayTime.format(when(from))} – ${dayTime.format(when(to))}`;
    },
    /** The local calendar date (YYYY-MM-DD) of an instant. */
    isoDay: (v) => iso.format(when(v)),
    /** A slot label: the time, with the day in front at midnight and on the first slot. */
    slotLabel: (v, first) => {
      const t = time.format(when(v));
      return first || t === '00:00' ? `${dayShort.format(when(v))} ${t}` : t;
    },
    /**
     * A local date-time of the zone ("2026-06-17T14:00") as an instant (ISO, UTC). Of a repeated hour the first is
     * taken; a skipped hour is moved forward, as clocks do.
     */
    instantOf: (local) => {
      const [d, t = '00:00'] = local.split('T');
      const [y, mo, day] = d.split('-').map(Number);
      const [h, mi] = t.split(':').map(Number);
      const wall = Date.UTC(y, mo - 1, day, h, mi);
      const hours3 = 3 * 3600000;
      const candidates = [offsetAt(new Date(wall - hours3)), offsetAt(new Date(wall + hours3))]
        .map((offset) => wall - offset * 60000);
      const exact = candidates.filter((c) => wallOf(new Date(c)) === wall);
      const chosen = exact.length ? Math.min(...exact) : Math.max(...candidates);
      return new Date(chosen).toISOString().replace('.000Z', 'Z');
    },
    /** An instant as the zone's local date-time for a datetime-local input ("2026-06-17T14:00"). */
    localOf: (v) => {
      const p = Object.fromEntries(parts.formatToParts(when(v)).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}T${String(+p.hour % 24).padStart(2, '0')}:${p.minute}`;
    },
  };
}

/** ISO-8601 duration text (PT15M) in minutes. */
export function minutesOf(duration) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration ?? '');
  return m ? (+(m[1] ?? 0)) * 60 + (+(m[2] ?? 0)) + (+(m[3] ?? 0)) / 60 : null;
}
