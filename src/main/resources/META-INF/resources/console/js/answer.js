// A /decide answer as a reviewer reads it: each offer with the rows that produced it and its score, each
// suppression with its guardrail row and when the offer is eligible again.
import { h, when } from './console.js';

export function answerView(a) {
  return [
    h('section', { class: 'card', 'aria-labelledby': 'offers-title' }, h('h2', { id: 'offers-title' }, `Offers decided by ${a.rulesetVersion}`),
      a.holdout ? h('p', { class: 'message warning' }, 'This account is in the holdout group: no offers.') : null,
      a.offers.length ? h('table', { id: 'offers' }, h('caption', { class: 'visually-hidden' }, 'Offers, best first'), h('thead', {}, h('tr', {}, ['#', 'Offer', 'Type', 'Channel', 'Action', 'Score', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, a.offers.map((o) => h('tr', {}, h('td', { class: 'num' }, o.rank), h('th', { scope: 'row' }, o.offerId), h('td', {}, o.type),
          h('td', {}, o.channel), h('td', {}, o.action), h('td', { class: 'num' }, o.score), h('td', {}, h('ul', { class: 'problems' }, o.reasons.map((r) => h('li', {}, r))))))))
        : h('p', {}, 'No offer.')),
    h('section', { class: 'card', 'aria-labelledby': 'suppressed-title' }, h('h2', { id: 'suppressed-title' }, 'Held back by guardrails'),
      a.suppressed.length ? h('table', {}, h('caption', { class: 'visually-hidden' }, 'Offers held back by guardrails'), h('thead', {}, h('tr', {}, ['Offer', 'Guardrail', 'Reason', 'Guardrail row', 'Eligible again'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, a.suppressed.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.offerId), h('td', {}, s.guardrail), h('td', {}, s.reason),
          h('td', {}, s.rule || ''), h('td', {}, s.eligibleAgainAt ? when(s.eligibleAgainAt) : '—')))))
        : h('p', {}, 'Nothing held back.')),
  ];
}
