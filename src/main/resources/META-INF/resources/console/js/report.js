// A regression report as a reviewer reads it: the totals, every failing case with expected against actual and the
// rows that fired, the passing ones folded away, and the coverage (rows and guardrails no case reaches).
import { h, list } from './console.js';

const suppressions = (map) => {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([offer, codes]) => `${offer}: ${codes.join(', ')}`).join('; ') : '—';
};

export function reportView(report) {
  const failing = report.cases.filter((c) => !c.passed);
  const passing = report.cases.filter((c) => c.passed);
  return h('div', { class: 'report' },
    h('p', {}, h('span', { class: `badge ${report.failed ? 'fail' : 'pass'}` }, report.failed ? 'failing' : 'all pass'), ' ',
      h('strong', { class: 'totals' }, `${report.passed} passed, ${report.failed} failed`), ` on ${report.rulesetVersion}.`),
    failing.length ? h('table', { class: 'failing' },
      h('caption', {}, 'Failing cases'),
      h('thead', {}, h('tr', {}, ['Case', 'Expected offers', 'Actual offers', 'Expected suppressions missing', 'Actual suppressions', 'Rows that fired']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, failing.map((c) => h('tr', {},
        h('th', { scope: 'row' }, c.name, h('div', { class: 'muted' }, `${c.origin === 'VERSION' ? 'this version' : 'pinned'}: ${c.source}`)),
        h('td', {}, list(c.expectedOffers)), h('td', {}, list(c.actualOffers)),
        h('td', {}, suppressions(c.missingSuppressions)), h('td', {}, suppressions(c.actualSuppressions)),
        h('td', {}, h('ul', { class: 'problems' }, (c.firedRows || []).map((r) => h('li', {}, r)))))))) : null,
    h('details', {}, h('summary', {}, `${passing.length} passing case(s)`),
      h('ul', {}, passing.map((c) => h('li', {}, c.name, h('span', { class: 'muted' }, ` (${c.origin === 'VERSION' ? 'this version' : 'pinned'})`))))),
    coverageView(report.coverage));
}

function coverageView(coverage) {
  if (!coverage) return null;
  const rows = coverage.rows.length;
  const guardrails = Object.keys(coverage.guardrails).length;
  return h('div', { class: 'coverage' },
    h('h3', {}, 'Coverage'),
    h('p', {}, `${rows - coverage.uncoveredRows.length} of ${rows} rows and ${guardrails - coverage.uncoveredGuardrails.length} of ${guardrails} guardrails are reached by a case${coverage.uncoveredRows.length + coverage.uncoveredGuardrails.length ? '; the others are marked on the sheets below' : ''}.`),
    coverage.uncoveredRows.length ? h('details', {}, h('summary', {}, `${coverage.uncoveredRows.length} row(s) no case reaches`),
      h('ul', {}, coverage.uncoveredRows.map((r) => h('li', {}, r)))) : null,
    coverage.uncoveredGuardrails.length ? h('p', {}, 'Guardrails no case reaches: ', coverage.uncoveredGuardrails.join(', ')) : null);
}
