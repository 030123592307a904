// Why this decision: a logged decision by its id, with the request as received, the offers with the rows that
// produced them and their scores, and the suppressions with their guardrail rows; then try the same facts again.
import { api, h, fill, frame, param, when, problemBox } from './console.js';
import { answerView } from './answer.js';

await frame();
const $ = (id) => document.getElementById(id);

async function show(id) {
  history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
  fill($('decision'), h('p', { class: 'muted' }, 'Looking it up…'));
  try {
    const { data: d } = await api(`/decisions/${encodeURIComponent(id)}`);
    fill($('decision'),
      h('section', { class: 'card', 'aria-labelledby': 'about-title' }, h('h2', { id: 'about-title' }, `Decision ${d.decisionId}`),
        h('p', {}, `Account ${d.accountId}, decided ${when(d.createdAt)} by ${d.rulesetVersion}${d.holdout ? ', in the holdout group' : ''}. `,
          h('a', { href: `/console/try.html?decision=${encodeURIComponent(d.decisionId)}` }, 'Try these facts again'), ' (edit them, pick any version; nothing is logged).'),
        h('details', {}, h('summary', {}, 'The request as received'), h('pre', {}, JSON.stringify(d.request, null, 2)))),
      answerView(d.response));
  } catch (error) {
    fill($('decision'), problemBox(error));
  }
}

$('lookup').addEventListener('submit', (e) => { e.preventDefault(); show($('decision-id').value.trim()); });
if (param('id')) {
  $('decision-id').value = param('id');
  await show(param('id'));
}
