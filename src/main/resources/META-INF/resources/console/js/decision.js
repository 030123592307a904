// Why this decision: a logged decision by its id, or an account's recent decisions to pick from; the request as
// received, the offers with the rows that produced them and their scores, the suppressions with their guardrail rows,
// and what happened since (the outcomes reported, the contacts imported); then try the same facts again.
import { api, h, fill, frame, param, when, problemBox } from './console.js';
import { answerView } from './answer.js';

await frame();
const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

function outcomesView(decisionId, since) {
  const source = (c) => (c.decisionId === decisionId ? 'this decision'
    : c.decisionId ? h('a', { href: `?id=${enc(c.decisionId)}` }, 'a later decision') : 'imported (/contact-history)');
  return h('section', { class: 'card', 'aria-labelledby': 'since-title' }, h('h2', { id: 'since-title' }, 'What happened since'),
    since.contacts.length ? h('table', { id: 'outcomes' },
      h('caption', { class: 'visually-hidden' }, `Contacts of account ${since.accountId} since the decision, oldest first`),
      h('thead', {}, h('tr', {}, ['When', 'Offer', 'Outcome', 'Reported for', 'Recorded'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, since.contacts.map((c) => h('tr', {}, h('td', {}, when(c.at)), h('th', { scope: 'row' }, c.offerId),
        h('td', {}, c.outcome), h('td', {}, source(c)), h('td', {}, when(c.recordedAt))))))
      : h('p', {}, 'No outcome reported and no contact recorded for this account since the decision.'));
}

async function show(id) {
  history.replaceState(null, '', `?id=${enc(id)}`);
  fill($('decision'), h('p', { class: 'muted' }, 'Looking it up…'));
  try {
    const [{ data: d }, { data: since }] = await Promise.all([api(`/decisions/${enc(id)}`), api(`/decisions/${enc(id)}/outcomes`)]);
    fill($('decision'),
      h('section', { class: 'card', 'aria-labelledby': 'about-title' }, h('h2', { id: 'about-title' }, `Decision ${d.decisionId}`),
        h('p', {}, `Account ${d.accountId}, decided ${when(d.createdAt)} by ${d.rulesetVersion}${d.holdout ? ', in the holdout group' : ''}. `,
          h('a', { href: `/console/try.html?decision=${enc(d.decisionId)}` }, 'Try these facts again'), ' (edit them, pick any version; nothing is logged) · ',
          h('a', { href: `?account=${enc(d.accountId)}` }, 'the account\'s recent decisions')),
        h('details', {}, h('summary', {}, 'The request as received'), h('pre', {}, JSON.stringify(d.request, null, 2)))),
      answerView(d.response), outcomesView(d.decisionId, since));
  } catch (error) {
    fill($('decision'), problemBox(error));
  }
}

async function listRecent(account) {
  history.replaceState(null, '', `?account=${enc(account)}`);
  fill($('recent'), h('p', { class: 'muted' }, 'Looking them up…'));
  try {
    const { data: decisions } = await api(`/decisions?accountId=${enc(account)}&limit=20`);
    const held = (d) => d.suppressed.map((s) => `${s.offerId} (${s.guardrail})`).join(', ') || '—';
    fill($('recent'), h('section', { class: 'card', 'aria-labelledby': 'recent-title' },
      h('h2', { id: 'recent-title' }, `Recent decisions of ${account}`),
      decisions.length ? h('table', { id: 'recent-decisions' },
        h('caption', { class: 'visually-hidden' }, `The newest ${decisions.length} decisions of account ${account}, newest first`),
        h('thead', {}, h('tr', {}, ['Decided', 'Version', 'Offers', 'Held back', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, decisions.map((d) => h('tr', {}, h('th', { scope: 'row' }, when(d.createdAt)), h('td', {}, d.rulesetVersion),
          h('td', {}, d.holdout ? 'none: holdout' : d.offers.join(', ') || '—'), h('td', {}, held(d)),
          h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': `Why: the decision of ${when(d.createdAt)}`, onclick: () => show(d.decisionId) }, 'Why'))))))
        : h('p', {}, `No decision is logged for account ${account}.`)));
  } catch (error) {
    fill($('recent'), problemBox(error));
  }
}

$('lookup').addEventListener('submit', (e) => { e.preventDefault(); show($('decision-id').value.trim()); });
$('by-account').addEventListener('submit', (e) => { e.preventDefault(); fill($('decision')); listRecent($('account-id').value.trim()); });
if (param('id')) {
  $('decision-id').value = param('id');
  await show(param('id'));
} else if (param('account')) {
  $('account-id').value = param('account');
  await listRecent(param('account'));
}
