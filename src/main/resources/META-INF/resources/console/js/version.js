// A version's page: what it is, its files, its errors and warnings on the rendered sheets (the offending cell
// highlighted), its regression report and coverage, the impact on recent decisions, and publishing or rolling back.
import { api, h, fill, frame, when, param, versionLink, where, cellId, problemBox, list } from './console.js';
import { sheetTable, parseRowRef } from './sheet.js';
import { reportView } from './report.js';

const page = await frame();
const $ = (id) => document.getElementById(id);
const v = Number(param('v'));
const enc = encodeURIComponent;
let grids = [];
let coverage = null;

const { data: version } = await api(`/rulesets/${v}`);
const { data: versions } = await api('/rulesets');
const serving = versions.find((x) => x.active);
document.title = `Version ${v} · Next-best-action console`;
fill($('title'), `Version ${v} `, h('span', { class: `badge ${version.status}` }, version.status), version.active ? [' ', h('span', { class: 'badge serving' }, 'serving')] : null);
fill($('summary'), h('dl', { class: 'grid' },
  h('dt', {}, 'Author'), h('dd', {}, version.author || ''), h('dt', {}, 'Created'), h('dd', {}, when(version.createdAt)),
  h('dt', {}, 'Comment'), h('dd', {}, version.comment || '—'), h('dt', {}, 'Source'), h('dd', {}, version.source),
  h('dt', {}, 'Built on'), h('dd', {}, version.baseVersion ? [versionLink(version.baseVersion), ' · ',
    h('a', { href: `/console/diff.html?from=${version.baseVersion}&to=${v}` }, 'compare')] : '—'),
  h('dt', {}, 'SHA-256'), h('dd', {}, h('code', {}, version.sha256.slice(0, 16)), '…'),
  h('dt', {}, 'Approvals'), h('dd', {}, version.approvals.length ? version.approvals.map((a) => `${a.approvedBy} (${when(a.approvedAt)})`).join(', ') : '—'),
  h('dt', {}, 'Try it'), h('dd', {}, h('a', { href: `/console/try.html?v=${v}` }, `decide with v${v}`))));

fill($('files'), h('table', {}, h('caption', { class: 'visually-hidden' }, `The files of version ${v}`),
  h('thead', {}, h('tr', {}, ['File', 'Size', 'SHA-256'].map((t) => h('th', { scope: 'col' }, t)))),
  h('tbody', {}, version.files.map((f) => h('tr', {},
    h('td', {}, h('a', { href: `/rulesets/${v}/files/${enc(f.name)}`, download: f.name }, f.name)),
    h('td', { class: 'num' }, `${(f.size / 1024).toFixed(1)} KiB`), h('td', {}, h('code', {}, f.sha256.slice(0, 16))))))));

const problems = [...version.errors.map((p) => ({ ...p, kind: 'error' })), ...version.warnings.map((p) => ({ ...p, kind: 'warning' }))];
fill($('problems'), problems.length ? h('ul', { class: 'problems' }, problems.map((p) => h('li', {},
  h('span', { class: `badge ${p.kind === 'error' ? 'fail' : 'warning'}` }, p.kind), ' ',
  p.cell ? h('a', { href: `#${cellId(p.file, p.sheet, p.cell)}` }, where(p)) : where(p), ': ', p.message,
  p.detail ? h('div', { class: 'muted' }, `Drools: ${p.detail}`) : null)))
  : h('p', {}, 'No errors, no warnings.'));

function drawSheets() {
  const uncovered = (coverage?.uncoveredRows || []).map(parseRowRef).filter(Boolean);
  const codes = new Set(coverage?.uncoveredGuardrails || []);
  fill($('sheets'), grids.map(({ file, sheets, error }) => h('details', { open: problems.some((p) => p.file === file) || null },
    h('summary', {}, h('strong', {}, file), problems.some((p) => p.file === file) ? ' — has problems' : ''),
    error ? problemBox(error) : sheets.map((sheet) => [
      h('h3', {}, `${file} › ${sheet.name}`),
      sheetTable(file, sheet, problems.filter((p) => p.file === file && p.sheet === sheet.name),
        new Set(uncovered.filter((r) => r.file === file && r.sheet === sheet.name).map((r) => r.row)), codes)]))));
  $('sheets').querySelectorAll('table.sheet').forEach((t) => t.classList.toggle('show-all', $('show-all').checked));
}

$('show-all').addEventListener('change', drawSheets);

async function loadSheets() {
  const workbooks = version.files.filter((f) => /\.xlsx?$/.test(f.name));
  grids = await Promise.all(workbooks.map((f) => api(`/rulesets/${v}/files/${enc(f.name)}/sheets`)
    .then(({ data }) => ({ file: f.name, sheets: data.sheets }), (error) => ({ file: f.name, error }))));
  drawSheets();
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) { target.closest('details').open = true; target.scrollIntoView({ block: 'center' }); target.focus(); }
  }
}

async function runRegression() {
  $('run-regression').disabled = true;
  fill($('regression'), h('p', { class: 'muted' }, 'Running the regression cases…'));
  try {
    const { data: report } = await api(`/rulesets/${v}/regression`, { method: 'POST' });
    fill($('regression'), reportView(report));
    coverage = report.coverage;
    drawSheets();
  } catch (error) {
    fill($('regression'), problemBox(error));
  } finally {
    $('run-regression').disabled = false;
  }
}
$('run-regression').addEventListener('click', runRegression);

$('impact').addEventListener('submit', async (e) => {
  e.preventDefault();
  fill($('impact-result'), h('p', { class: 'muted' }, 'Replaying…'));
  try {
    const { data: r } = await api(`/rulesets/${v}/replay?last=${enc($('last').value)}`, { method: 'POST' });
    const counts = (title, map) => h('div', {}, h('h3', {}, title), Object.keys(map).length
      ? h('ul', {}, Object.entries(map).map(([k, n]) => h('li', {}, `${k}: ${n}`))) : h('p', { class: 'muted' }, 'none'));
    fill($('impact-result'), h('p', {}, h('strong', {}, `${r.changed} of ${r.replayed}`), ` logged decisions would change on ${r.rulesetVersion}; the top offer of ${r.topOfferChanged}.`),
      h('div', { class: 'grid' }, counts('Offers added', r.offersAdded), counts('Offers removed', r.offersRemoved),
        counts('Suppressions added', r.suppressionsAdded), counts('Changed by segment', r.changedBySegment)),
      r.examples.length ? h('details', {}, h('summary', {}, `${r.examples.length} example(s)`), h('ul', {}, r.examples.map((x) =>
        h('li', {}, `${x.decisionId} (${x.segment || 'no segment'}): ${list(x.before)} → ${list(x.after)}`)))) : null);
  } catch (error) {
    fill($('impact-result'), problemBox(error));
  }
});

async function activate(force) {
  const form = new FormData();
  form.append('reason', $('reason').value);
  fill($('publish-result'), h('p', { class: 'muted' }, 'Running the regression cases, then activating…'));
  try {
    const { data: a } = await api(`/rulesets/${v}/activate${force ? '?force=true' : ''}`, { method: 'POST', body: form });
    fill($('publish-result'), h('div', { class: 'message ok', role: 'status' }, h('strong', {}, `Version ${a.toVersion} serves`),
      ` (activated by ${a.activatedBy} at ${when(a.activatedAt)}${a.forced ? ', forced' : ''}). Every instance switches within seconds.`));
    $('activate').disabled = true;
    $('title').append(' ', h('span', { class: 'badge serving' }, 'serving'));
  } catch (error) {
    const report = error.body && error.body.report;
    fill($('publish-result'), problemBox(error), report ? reportView(report) : null,
      report && page.canForce ? h('button', { type: 'button', class: 'danger', id: 'force', onclick: () => {
        if (confirm(`Force version ${v} to serve although ${report.failed} regression case(s) fail? The override is audited.`)) activate(true);
      } }, 'Force activation (admin)') : null);
  }
}

async function approve() {
  const form = new FormData();
  form.append('comment', $('approval-comment').value);
  try {
    const { data: a } = await api(`/rulesets/${v}/approve`, { method: 'POST', body: form });
    fill($('approve-result'), h('div', { class: 'message ok', role: 'status' }, h('strong', {}, `Approved by ${a.approvedBy}`),
      ` at ${when(a.approvedAt)}: version ${v} may now be activated.`));
    $('approve-button').disabled = true;
  } catch (error) {
    fill($('approve-result'), error.status === 403 && error.body?.title === 'Own version'
      ? h('div', { class: 'message error', role: 'alert' }, h('strong', {}, 'Not approved: '),
        `you are the author of version ${v}, and four eyes means another analyst approves it. Ask a colleague with the analyst role.`)
      : problemBox(error));
  }
}

if (page.canManage && version.awaitingApproval) {
  $('approve-section').hidden = false;
  fill($('approve-why'), `Version ${v} needs the approval of an analyst other than its author, ${version.author}, before it can be activated.`);
  fill($('approve-button'), `Approve v${v}`);
  $('approve').addEventListener('submit', (e) => { e.preventDefault(); approve(); });
}

if (page.canManage && version.status === 'VALID') {
  $('publish-section').hidden = false;
  const older = serving && v < serving.version;
  fill($('publish-title'), version.active ? 'Serving' : older ? `Roll back to v${v}` : `Publish v${v}`);
  fill($('activate'), older ? `Roll back to v${v}` : `Activate v${v}`);
  $('activate').disabled = version.active;
  $('publish').addEventListener('submit', (e) => { e.preventDefault(); activate(false); });
}
await loadSheets();
if (version.status === 'VALID') await runRegression();
else fill($('regression'), ($('run-regression').hidden = true) && null, h('p', { class: 'muted' }, 'A rejected version has no regression report: fix the errors above and upload again.'));
