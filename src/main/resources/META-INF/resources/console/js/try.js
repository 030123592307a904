// "Try it": an account's facts in a form (or the request as JSON), decided by any stored version with nothing
// logged; the answer shows each offer with the rows that produced it and its score, and each suppression with its
// guardrail row and when the offer is eligible again.
import { api, h, fill, frame, param, problemBox } from './console.js';
import { answerView } from './answer.js';

await frame();
const $ = (id) => document.getElementById(id);
const { data: versions } = await api('/rulesets');
const serving = versions.find((v) => v.active);

// path in the /decide body, label, input type (number, text or a list of choices)
const FIELDS = [
  ['account.id', 'Account id', 'text', 'acc-42'], ['account.segment', 'Segment', ['', 'SMB', 'MID_MARKET', 'ENTERPRISE'], 'SMB'],
  ['account.plan', 'Plan', 'text', 'TEAM'], ['account.billingCycle', 'Billing cycle', ['', 'MONTHLY', 'ANNUAL'], 'MONTHLY'],
  ['account.tenureDays', 'Tenure (days)', 'number', 200], ['account.seats.used', 'Seats used', 'number', 9],
  ['account.seats.limit', 'Seat limit', 'number', 10], ['account.healthScore', 'Health score (0-100)', 'number', 78],
  ['account.openTickets', 'Open tickets', 'number', 0], ['account.daysSinceLastTicket', 'Days since last ticket', 'number', 45],
  ['account.daysSinceDowngrade', 'Days since downgrade', 'number', 20], ['account.daysToRenewal', 'Days to renewal', 'number', ''],
  ['account.usage.storageGb.used', 'Storage used (GB)', 'number', ''], ['account.usage.storageGb.limit', 'Storage limit (GB)', 'number', ''],
  ['placement', 'Placement', 'text', 'dashboard-banner'], ['holdoutPercent', 'Holdout percent', 'number', 0],
];
const CHANNELS = ['IN_APP', 'EMAIL', 'SMS'];
const id = (path) => `f-${path.replace(/\./g, '-')}`;

fill($('facts'),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'version' }, 'Decide with version'),
    h('select', { id: 'version' }, versions.filter((v) => v.status === 'VALID').map((v) =>
      h('option', { value: v.version }, `v${v.version}${v.active ? ' (serving)' : ''}${v.comment ? ` — ${v.comment}` : ''}`))))),
  h('div', { class: 'grid' }, FIELDS.map(([path, label, type, value]) => h('div', { class: 'field' }, h('label', { for: id(path) }, label),
    Array.isArray(type) ? h('select', { id: id(path), dataset: { path } }, type.map((o) => h('option', { value: o, selected: o === value || null }, o || '(absent)')))
      : h('input', { id: id(path), type, value, min: type === 'number' ? 0 : null, step: 'any', dataset: { path } })))),
  h('fieldset', {}, h('legend', {}, 'Channels the journey allows; consent'), h('div', { class: 'row' },
    CHANNELS.map((c) => h('label', {}, h('input', { type: 'checkbox', id: `channel-${c}`, checked: c !== 'SMS' || null }), ` ${c}`)),
    ['EMAIL', 'SMS'].map((c) => h('label', {}, h('input', { type: 'checkbox', id: `consent-${c}`, checked: c === 'EMAIL' || null }), ` consent to ${c}`)),
    h('label', {}, h('input', { type: 'checkbox', id: 'no-history' }), ' ignore the stored contact history'))),
  h('details', {}, h('summary', {}, 'The request as JSON (edit it for any other field)'),
    h('label', { for: 'json', class: 'visually-hidden' }, 'Request JSON'), h('textarea', { id: 'json', class: 'json', spellcheck: 'false' })),
  h('button', { type: 'submit', id: 'decide' }, 'Decide (nothing is logged)'));
if (param('v') || serving) $('version').value = param('v') || serving.version;

function set(target, path, value) {
  const keys = path.split('.');
  keys.slice(0, -1).forEach((k) => { target = target[k] ??= {}; });
  target[keys.at(-1)] = value;
}

function requestFromForm() {
  const body = {};
  for (const input of $('facts').querySelectorAll('[data-path]')) {
    if (input.value === '') continue;
    set(body, input.dataset.path, input.type === 'number' ? Number(input.value) : input.value);
  }
  body.channels = CHANNELS.filter((c) => $(`channel-${c}`).checked);
  set(body, 'account.consent', Object.fromEntries(['EMAIL', 'SMS'].map((c) => [c, $(`consent-${c}`).checked])));
  if ($('no-history').checked) body.history = [];
  return body;
}

const syncJson = () => { $('json').value = JSON.stringify(requestFromForm(), null, 2); };
$('facts').addEventListener('input', (e) => { if (e.target.id !== 'json' && e.target.id !== 'version') syncJson(); });
syncJson();

// ?decision=<id>: start from the facts a logged decision was made on.
if (param('decision')) {
  const { data: logged } = await api(`/decisions/${encodeURIComponent(param('decision'))}`);
  const get = (path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), logged.request);
  for (const input of $('facts').querySelectorAll('[data-path]')) input.value = get(input.dataset.path) ?? '';
  CHANNELS.forEach((c) => { $(`channel-${c}`).checked = !logged.request.channels || logged.request.channels.includes(c); });
  ['EMAIL', 'SMS'].forEach((c) => { $(`consent-${c}`).checked = get(`account.consent.${c}`) === true; });
  const { requestId, ...request } = logged.request;
  $('json').value = JSON.stringify(request, null, 2);
  $('json').closest('details').open = true;
}

$('facts').addEventListener('submit', async (e) => {
  e.preventDefault();
  fill($('answer'), h('p', { class: 'muted' }, 'Deciding…'));
  try {
    const { data } = await api(`/rulesets/${$('version').value}/simulate`, { method: 'POST', body: new Blob([$('json').value], { type: 'application/json' }) });
    fill($('answer'), answerView(data));
  } catch (error) {
    fill($('answer'), problemBox(error));
  }
});
