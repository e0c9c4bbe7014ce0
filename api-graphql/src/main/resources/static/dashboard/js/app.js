// The dashboard: a login with an API token, then views of the fleet, sites, forecasts, schedules, bids, dispatch,
// money and alerts, and the forms the token's role may use. It speaks only GraphQL (graphql.js).
import { h, fill, failed } from './dom.js';
import { GraphQlClient, Subscriptions } from './graphql.js';
import { zoned, mw } from './format.js';
import { fleetView } from './views/fleet.js';
import { sitesView } from './views/sites.js';
import { forecastsView } from './views/forecasts.js';
import { scheduleView } from './views/schedule.js';
import { bidsView } from './views/bids.js';
import { dispatchView } from './views/dispatch.js';
import { moneyView } from './views/money.js';
import { alertsView } from './views/alerts.js';

const TOKEN_KEY = 'vpp.token';
const START = `{ me { subject role roles }
  market { zone timeZone slotMinutes now clockSpeed firstOpenDay lastOpenDay nextGateClosure } }`;
const MARKET = '{ market { zone timeZone slotMinutes now clockSpeed firstOpenDay lastOpenDay nextGateClosure } }';

const VIEWS = [
  ['fleet', 'Fleet', fleetView],
  ['sites', 'Sites', sitesView],
  ['forecasts', 'Forecasts', forecastsView],
  ['schedule', 'Schedule', scheduleView],
  ['bids', 'Bids', bidsView],
  ['dispatch', 'Dispatch', dispatchView],
  ['money', 'P&L', moneyView],
  ['alerts', 'Alerts', alertsView],
];

const app = document.getElementById('app');
let session = null;

const token = () => sessionStorage.getItem(TOKEN_KEY);

function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  window.onhashchange = null;
  if (session) {
    session.view?.unmount();
    session.subs.close();
    clearInterval(session.timer);
    session = null;
  }
  renderLogin(message);
}

function renderLogin(message) {
  document.title = 'VPP dashboard – log in';
  const input = h('textarea', { id: 'token', name: 'token', rows: 5, required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'eyJhbGciOiJIUzI1NiJ9…' });
  const error = h('p', { class: 'form-error', role: 'alert', id: 'login-error' }, message ?? '');
  const button = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'login', id: 'login' },
    h('div', { class: 'brand big' }, h('span', { class: 'logo' }, '⚡'), h('span', {}, 'Virtual Power Plant')),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('div', { class: 'hint' },
      h('p', {}, 'On its first start the application writes an ADMIN token to ', h('code', {}, 'data/admin-token'),
        ' (next to where it runs) and logs how to use it: copy it with ', h('code', {}, 'cat data/admin-token'), '.'),
      h('p', {}, 'Tokens for other roles (VIEWER, OPERATOR, TRADER, AUDITOR) are issued by an ADMIN with the ',
        h('code', {}, 'issueApiToken'), ' mutation (README, "Access"). What you may do here follows the token\'s role.'),
      h('p', {}, 'The token stays in this browser tab only (session storage) until you log out or close the tab.')),
    error,
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!text) {
      error.textContent = 'Paste a token first.';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, text);
    button.disabled = true;
    button.textContent = 'Checking the token…';
    await start();
  });
  fill(app, h('main', { class: 'login-page' }, form));
  input.focus();
}

async function start() {
  let refusal = null;
  const gql = new GraphQlClient(token, (message) => { refusal = message; });
  let data;
  try {
    const answer = await gql.request(START);
    if (answer.errors.length || !answer.data) throw new Error(answer.errors.map((e) => e.message).join('; ') || 'no answer');
    data = answer.data;
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    renderLogin(refusal ? `The token was refused: ${refusal.replace(/^the token was refused: /, '')}` : `Could not log in: ${e.message}`);
    return;
  }
  if (data.me.role === 'DEVICE') {
    sessionStorage.removeItem(TOKEN_KEY);
    renderLogin('This is a DEVICE token: it only sends telemetry. Log in with a person\'s token (VIEWER or above).');
    return;
  }
  renderShell(data.me, data.market, gql);
}

function renderShell(me, market, gql) {
  const roles = new Set(me.roles);
  const connection = h('span', { class: 'connection', dataset: { state: 'connecting' }, title: 'live updates' }, 'connecting');
  const subs = new Subscriptions(token, (state) => {
    connection.dataset.state = state;
    connection.textContent = { connecting: 'connecting', live: 'live', reconnecting: 'reconnecting…', closed: 'offline' }[state] ?? state;
  }, (message) => logout(`The server ended the session: ${message}`));
  const ctx = {
    gql: new GraphQlClient(token, (message) => logout(`The token was refused: ${message}`)),
    subs,
    me,
    market,
    fmt: zoned(market.timeZone),
    can: { operate: roles.has('OPERATOR'), trade: roles.has('TRADER') },
    /** The application's clock now, estimated between two readings of market.now. */
    now: () => new Date(new Date(ctx.market.now).getTime() + (Date.now() - ctx.marketReadAt) * ctx.market.clockSpeed),
    marketReadAt: Date.now(),
    toast,
    go: (name) => { location.hash = `#/${name}`; },
  };
  const clock = h('span', { class: 'clock', title: 'the application\'s clock, in the market\'s time zone' });
  const strip = h('span', { class: 'strip' });
  const alertBadge = h('a', { class: 'alert-count', href: '#/alerts', hidden: true });
  const nav = h('nav', { class: 'tabs' }, VIEWS.map(([name, label]) => h('a', { href: `#/${name}`, dataset: { view: name }, id: `tab-${name}` }, label)));
  const main = h('main', { class: 'content', id: 'content' });
  const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  fill(app,
    h('header', { class: 'top' },
      h('div', { class: 'brand' }, h('span', { class: 'logo' }, '⚡'), h('span', {}, 'VPP'), h('span', { class: 'zone' }, `${market.zone} · ${market.timeZone}`)),
      strip,
      h('div', { class: 'right' }, clock, connection, alertBadge,
        h('span', { class: 'who', id: 'who', dataset: { role: me.role } }, me.subject, ' · ', h('strong', {}, me.role)),
        h('button', { type: 'button', class: 'ghost', id: 'logout', onclick: () => logout('Logged out.') }, 'Log out'))),
    nav, main, toasts);
  document.title = 'VPP dashboard';

  function toast(text) {
    const t = h('div', { class: 'toast' }, text);
    toasts.append(t);
    setTimeout(() => t.remove(), 6000);
  }

  const tickClock = () => {
    clock.textContent = `${ctx.fmt.dayTime(ctx.now())}${market.clockSpeed !== 1 ? ` · ×${market.clockSpeed}` : ''}`;
  };
  let ticks = 0;
  const timer = setInterval(async () => {
    tickClock();
    if (++ticks % 15 === 0) {
      try {
        const data = await ctx.gql.query(MARKET);
        ctx.market = data.market;
        ctx.marketReadAt = Date.now();
      } catch (e) {
        // the header keeps its estimate; the views say what failed
      }
    }
  }, 1000);
  tickClock();

  // Header: the whole fleet's capacity and the active alerts, live.
  subs.subscribe('subscription { fleetCapacity(everySeconds: 2) { installed { maxPowerMw } available { maxPowerMw currentPowerMw storedEnergyMwh } } }', {}, {
    next: (d) => {
      const f = d.fleetCapacity;
      strip.textContent = `Available ${mw(f.available.maxPowerMw)} of ${mw(f.installed.maxPowerMw)} · output ${mw(f.available.currentPowerMw)}`;
    },
  });
  const countAlerts = async () => {
    try {
      const d = await ctx.gql.query('{ alerts(active: true, first: 1) { totalCount } }');
      const n = d.alerts.totalCount;
      alertBadge.hidden = n === 0;
      alertBadge.textContent = `${n} active alert${n === 1 ? '' : 's'}`;
    } catch (e) {
      alertBadge.hidden = true;
    }
  };
  subs.subscribe('subscription { alerts { id active } }', {}, { next: countAlerts });
  countAlerts();

  session = { subs, timer, view: null, ctx };
  const route = () => {
    const name = (location.hash.match(/^#\/(\w+)/) ?? [])[1] ?? 'fleet';
    const entry = VIEWS.find(([n]) => n === name) ?? VIEWS[0];
    for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === entry[0]);
    session.view?.unmount();
    session.view = entry[2](ctx);
    main.dataset.view = entry[0];
    try {
      session.view.mount(main);
    } catch (e) {
      fill(main, failed(`The ${entry[1]} view failed.`, e.message));
    }
  };
  window.onhashchange = route;
  route();
}

if (token()) start();
else renderLogin();
