// Two versions side by side, row by row: files, rules added, removed or with changed cells (old → new) by workbook,
// sheet and rule name, and the regression expectations that changed.
import { api, h, fill, frame, param, versionLink, list, problemBox } from './console.js';

await frame();
const $ = (id) => document.getElementById(id);
const { data: versions } = await api('/rulesets');
const serving = versions.find((v) => v.active);
for (const select of [$('from'), $('to')]) {
  fill(select, versions.map((v) => h('option', { value: v.version }, `v${v.version} ${v.status}${v.active ? ' (serving)' : ''}${v.comment ? ` — ${v.comment}` : ''}`)));
}
$('from').value = param('from') || (serving ? serving.version : versions.at(-1)?.version);
$('to').value = param('to') || versions[0]?.version;

const expectation = (e) => (e ? `${list(e.offers)}${Object.keys(e.suppressed || {}).length ? `; suppressed ${Object.entries(e.suppressed).map(([o, g]) => `${o}: ${g.join(', ')}`).join('; ')}` : ''} (${e.from === 'VERSION' ? 'version' : 'pinned'}: ${e.source})` : '—');

function rowsBySheet(rows) {
  const groups = new Map();
  for (const row of rows) {
    const key = row.sheet ? `${row.file} › ${row.sheet}` : row.file;
    groups.set(key, [...(groups.get(key) || []), row]);
  }
  return groups;
}

function cellChanges(row) {
  return h('ul', { class: 'problems' }, row.cells.map((c) => h('li', {}, h('strong', {}, c.column), ': ',
    row.change === 'CHANGED' ? [h('del', {}, c.before || '(empty)'), ' → ', h('ins', {}, c.after || '(empty)')]
      : row.change === 'ADDED' ? h('ins', {}, c.after) : h('del', {}, c.before))));
}

async function compare() {
  const from = $('from').value;
  const to = $('to').value;
  history.replaceState(null, '', `?from=${from}&to=${to}`);
  fill($('diff'), h('p', { class: 'muted' }, 'Comparing…'));
  try {
    const { data: d } = await api(`/rulesets/${from}/diff/${to}`);
    const names = Object.keys(d.expectationsChanged);
    fill($('diff'),
      h('section', { class: 'card', 'aria-labelledby': 'files-title' }, h('h2', { id: 'files-title' }, 'Files'),
        d.files.length ? h('ul', {}, d.files.map((f) => h('li', {}, `${f.change.toLowerCase()}: ${f.file}`)))
          : h('p', {}, `The files of v${d.before} and v${d.after} are the same.`)),
      h('section', { class: 'card', 'aria-labelledby': 'rows-title' }, h('h2', { id: 'rows-title' }, `Rules: from `, versionLink(d.before), ' to ', versionLink(d.after)),
        d.rows.length ? [...rowsBySheet(d.rows)].map(([sheet, rows]) => [h('h3', {}, sheet), h('table', { class: 'diff' }, h('caption', { class: 'visually-hidden' }, `Rules changed in ${sheet}`),
          h('thead', {}, h('tr', {}, ['Rule', 'Change', `Row in v${d.before}`, `Row in v${d.after}`, 'Cells'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows.map((r) => h('tr', { class: `change-${r.change}` },
            h('th', { scope: 'row' }, r.rule), h('td', {}, r.change.toLowerCase()),
            h('td', { class: 'num' }, r.rowBefore ?? '—'), h('td', { class: 'num' }, r.rowAfter ?? '—'), h('td', {}, cellChanges(r))))))])
          : h('p', {}, 'No rule changed.')),
      h('section', { class: 'card', 'aria-labelledby': 'expect-title' }, h('h2', { id: 'expect-title' }, 'Regression expectations changed'),
        names.length ? h('table', {}, h('caption', { class: 'visually-hidden' }, 'Regression expectations changed'), h('thead', {}, h('tr', {}, ['Case', 'Change', `Expected in v${d.before}`, `Expected in v${d.after}`].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, names.map((n) => h('tr', {}, h('th', { scope: 'row' }, n), h('td', {}, d.expectationsChanged[n].change.toLowerCase()),
            h('td', {}, expectation(d.expectationsChanged[n].before)), h('td', {}, expectation(d.expectationsChanged[n].after))))))
          : h('p', {}, 'No case expects anything else.')));
  } catch (error) {
    fill($('diff'), problemBox(error));
  }
}

$('pick').addEventListener('submit', (e) => { e.preventDefault(); compare(); });
if (versions.length > 1) await compare();
