// How the offers perform: the offer report (decisions, presented, outcomes, rates with their 95 % intervals), the
// conversion rate day by day with its interval as a band, and the lift against the holdout; each says up to when it
// counts. From GET /reports/offers and GET /reports/lift.
import { api, h, fill, frame, param, when, problemBox } from './console.js';
import { rateChart } from './chart.js';

await frame();
const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

const percent = (x) => `${(x * 100).toFixed(1)} %`;
const rate = (p) => (p.rate === null || p.rate === undefined ? '—' : `${percent(p.rate)} (${percent(p.low)}–${percent(p.high)})`);
const signed = (x, unit, digits = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)}${unit}`;
const estimate = (e, unit, digits) => (e ? `${signed(e.value, unit, digits)} (${signed(e.low, unit, digits)} to ${signed(e.high, unit, digits)})` : '—');
const asOf = (report) => h('p', { class: 'muted as-of' }, report.asOf
  ? `Counted up to ${when(report.asOf)} (decisions and outcomes of the last half minute or so are not in yet).`
  : 'Nothing counted yet: the report job has not run since the service started.');
const headers = (names) => h('thead', {}, h('tr', {}, names.map((t) => h('th', { scope: 'col', class: t.num ? 'num' : null }, t.label ?? t))));
const num = (label) => ({ label, num: true });

function offersView(report) {
  const from = `${report.from} to ${report.to}`;
  return [asOf(report), report.groups.length ? h('table', { id: 'offer-table' },
    h('caption', { class: 'visually-hidden' }, `Offer performance from ${from}; rates per presented offer with their 95 % intervals`),
    headers(['Offer', num('Decisions'), num('Presented'), num('Clicked'), num('Accepted'), num('Purchased'), num('Dismissed'),
      num('Conversion (95 % interval)'), num('Dismissal (95 % interval)')]),
    h('tbody', {}, report.groups.map((g) => h('tr', { dataset: { offer: g.key } }, h('th', { scope: 'row' }, g.key),
      [g.decisions, g.presented, g.clicked, g.accepted, g.purchased, g.dismissed].map((n) => h('td', { class: 'num' }, n.toLocaleString())),
      h('td', { class: 'num' }, rate(g.conversion)), h('td', { class: 'num' }, rate(g.dismissal))))))
    : h('p', {}, `No decision showed an offer from ${from}.`)];
}

function trendView(report) {
  const byDay = new Map(report.groups.map((g) => [g.key, g]));
  const points = [];
  for (let t = Date.parse(report.from); t <= Date.parse(report.to); t += DAY) {
    const day = isoDay(t);
    const c = byDay.get(day)?.conversion ?? { successes: 0, trials: 0, rate: null };
    points.push({ day, rate: c.rate, low: c.low, high: c.high,
      label: c.rate === null ? `${day}: nothing presented` : `${day}: ${c.successes} of ${c.trials} presented converted, ${rate(c)}` });
  }
  const known = points.filter((p) => p.rate !== null);
  if (!known.length) return [asOf(report), h('p', {}, 'No offer was presented in these days: there is no rate to draw.')];
  return [asOf(report),
    rateChart(points, { title: `Conversion per presented offer, ${report.from} to ${report.to}`,
      description: `Accepted or purchased per presented offer, all offers, one point a day with its 95 % interval as a band; ${known.length} of ${points.length} days have presented offers.` }),
    h('details', {}, h('summary', {}, 'The figures as a table'), h('table', { id: 'trend-table' },
      h('caption', { class: 'visually-hidden' }, 'Conversion per presented offer by day'),
      headers(['Day', num('Presented'), num('Converted'), num('Conversion (95 % interval)')]),
      h('tbody', {}, report.groups.map((g) => h('tr', {}, h('th', { scope: 'row' }, g.key), h('td', { class: 'num' }, g.presented),
        h('td', { class: 'num' }, g.conversion.successes), h('td', { class: 'num' }, rate(g.conversion)))))))];
}

/** "PT336H" as "14 days", "PT36H" as "36 hours". */
function windowText(duration) {
  const hours = Number(/^PT(\d+)H$/.exec(duration)?.[1]);
  if (!hours) return duration;
  return hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
}

function liftView(report) {
  const arm = (p) => (p.trials ? [`${p.successes} of ${p.trials} accounts`, h('br'), rate(p)] : 'no account');
  const rows = [['All offers', report.overall], ...Object.entries(report.byOfferType)];
  return [asOf(report),
    h('p', {}, `Experiment ${report.experimentKey}: accounts whose first decision under it was made from ${report.from} to ${report.to}, `,
      `converted (accepted or purchased) within ${windowText(report.window)} of it.`),
    h('table', { id: 'lift-table' },
      h('caption', { class: 'visually-hidden' }, `Lift of treated against held-out accounts, experiment ${report.experimentKey}`),
      headers(['Offers', 'Treated: converted', 'Held out: converted', 'Absolute lift (95 % interval)', 'Relative lift (95 % interval)', num('p-value'), 'Significant']),
      h('tbody', {}, rows.map(([name, l]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, arm(l.treated)), h('td', {}, arm(l.heldOut)),
        h('td', {}, estimate(l.absolute, ' pts')), h('td', {}, estimate(l.relative, ' %', 0)),
        h('td', { class: 'num' }, l.pValue === null ? '—' : l.pValue < 0.001 ? '< 0.001' : l.pValue.toFixed(3)),
        h('td', {}, l.pValue === null ? '—' : l.significant ? 'yes (p < 0.05)' : 'no')))))];
}

async function show() {
  const from = $('from').value;
  const to = $('to').value;
  const key = $('experiment').value.trim();
  history.replaceState(null, '', `?from=${from}&to=${to}&experimentKey=${enc(key)}`);
  const range = `from=${from}&to=${to}`;
  const load = async (target, path, view) => {
    fill(target, h('p', { class: 'muted' }, 'Counting…'));
    try {
      fill(target, view((await api(path)).data));
    } catch (error) {
      fill(target, problemBox(error));
    }
  };
  await Promise.all([load($('offers'), `/reports/offers?by=offer&${range}`, offersView),
    load($('trend'), `/reports/offers?by=day&${range}`, trendView),
    load($('lift'), `/reports/lift?experimentKey=${enc(key)}&${range}`, liftView)]);
}

const today = Date.parse(`${isoDay(Date.now())}T00:00:00Z`);
$('to').value = param('to') || isoDay(today);
$('from').value = param('from') || isoDay(today - 29 * DAY);
if (param('experimentKey')) $('experiment').value = param('experimentKey');
$('range').addEventListener('submit', (e) => { e.preventDefault(); show(); });
await show();
