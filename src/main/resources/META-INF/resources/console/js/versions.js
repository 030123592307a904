// The versions page: every version with its status, which one serves and which one each instance serves, the upload
// (drop or choose files; the validation answer appears in place) and the activation audit.
import { api, h, fill, frame, when, versionLink, where, cellId, problemBox } from './console.js';

const page = await frame();
const $ = (id) => document.getElementById(id);

const ago = (seconds) => (seconds < 60 ? `${Math.round(seconds)} s ago` : `${Math.round(seconds / 60)} min ago`);

/** Which version each instance serves, from their heartbeats; redrawn every few seconds, not announced. */
async function showInstances() {
  const { data } = await api('/rulesets/instances');
  const asOf = new Date(data.asOf).getTime();
  fill($('instances'), data.instances.length ? h('table', { id: 'instance-table' },
    h('caption', {}, `Instances seen in the last ${data.staleAfterSeconds} s`),
    h('thead', {}, h('tr', {}, ['Instance', 'Serves', 'Started', 'Last seen'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, data.instances.map((i) => h('tr', { dataset: { instance: i.instanceId } },
      h('th', { scope: 'row' }, i.instanceId), h('td', {}, i.servingVersion ? versionLink(i.servingVersion) : 'nothing yet'),
      h('td', {}, when(i.startedAt)), h('td', {}, ago((asOf - new Date(i.lastSeen).getTime()) / 1000))))))
    : h('p', { class: 'muted' }, 'No instance has reported in the last seconds.'));
  return data.instances;
}

async function showVersions() {
  const [{ data: versions }, instances] = await Promise.all([api('/rulesets'), showInstances()]);
  const serving = versions.find((v) => v.active);
  const servedBy = (version) => instances.filter((i) => i.servingVersion === version).length;
  fill($('serving'), serving ? ['Serving now: ', versionLink(serving.version), ` (every instance switches within seconds of an activation).`] : 'No version serves yet.');
  fill($('versions'), h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Ruleset versions, newest first'),
    h('thead', {}, h('tr', {}, ['Version', 'Status', 'Instances serving it', 'Author', 'Created', 'Comment', 'Errors', 'Warnings', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, versions.map((v) => h('tr', { dataset: { version: v.version } },
      h('th', { scope: 'row' }, versionLink(v.version)),
      h('td', {}, h('span', { class: `badge ${v.status}` }, v.status), v.active ? [' ', h('span', { class: 'badge serving' }, 'serving')] : null,
        v.awaitingApproval ? [' ', h('span', { class: 'badge warning' }, 'awaits approval')] : null),
      h('td', { class: 'num' }, servedBy(v.version) ? `${servedBy(v.version)} of ${instances.length}` : ''),
      h('td', {}, v.author || ''),
      h('td', {}, when(v.createdAt)),
      h('td', {}, v.comment || ''),
      h('td', { class: 'num' }, v.errors.length),
      h('td', { class: 'num' }, v.warnings.length),
      h('td', {}, serving && serving.version !== v.version
        ? h('a', { href: `/console/diff.html?from=${serving.version}&to=${v.version}` }, `compare with v${serving.version}`) : null))))));
  const base = $('base');
  fill(base, h('option', { value: 'active' }, 'the serving version'), h('option', { value: 'none' }, 'nothing (a complete ruleset)'),
    versions.filter((v) => v.status === 'VALID').map((v) => h('option', { value: v.version }, `v${v.version}`)));
}

async function showActivations() {
  const { data: activations } = await api('/rulesets/activations');
  fill($('activations'), activations.length ? h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Activation audit, newest first'),
    h('thead', {}, h('tr', {}, ['When', 'From', 'To', 'By', 'Forced', 'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, activations.map((a) => h('tr', {},
      h('td', {}, when(a.activatedAt)), h('td', {}, a.fromVersion ? versionLink(a.fromVersion) : '—'),
      h('td', {}, versionLink(a.toVersion)), h('td', {}, a.activatedBy), h('td', {}, a.forced ? 'forced by an admin' : 'no'),
      h('td', {}, a.reason || ''))))) : h('p', { class: 'muted' }, 'No activation yet.'));
}

function problemList(version, problems) {
  return h('ul', { class: 'problems' }, problems.map((p) => h('li', {},
    h('a', { href: `/console/version.html?v=${version}#${cellId(p.file, p.sheet, p.cell)}` }, where(p)), ': ', p.message)));
}

function expectationList(changes) {
  const names = Object.keys(changes || {});
  return names.length ? [h('h3', {}, 'Regression expectations changed'), h('ul', {}, names.map((n) =>
    h('li', {}, `${changes[n].change}: ${n}`)))] : null;
}

async function upload(files) {
  if (!files.length) {
    fill($('upload-result'), h('div', { class: 'message error', role: 'alert' }, 'Choose or drop at least one file.'));
    return;
  }
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  form.append('comment', $('comment').value);
  form.append('base', $('base').value);
  $('upload-button').disabled = true;
  fill($('upload-result'), h('p', { class: 'muted' }, `Validating ${[...files].map((f) => f.name).join(', ')}…`));
  try {
    const { status, data } = await api('/rulesets', { method: 'POST', body: form });
    fill($('upload-result'), status === 200
      ? h('div', { class: 'message warning' }, data.detail, ' ', versionLink(data.version))
      : h('div', { class: 'message ok' }, h('strong', {}, `Version ${data.version} is valid`), ' and stored; it does not serve until it is activated. ',
        h('a', { href: `/console/version.html?v=${data.version}` }, `Review v${data.version}`), ' · ',
        data.baseVersion ? h('a', { href: `/console/diff.html?from=${data.baseVersion}&to=${data.version}` }, `compare with v${data.baseVersion}`) : null,
        data.warnings.length ? [h('h3', {}, `${data.warnings.length} warning(s)`), problemList(data.version, data.warnings)] : null,
        expectationList(data.expectationsChanged)));
  } catch (error) {
    const body = error.body || {};
    fill($('upload-result'), error.status === 422 && body.version
      ? h('div', { class: 'message error', role: 'alert' }, h('strong', {}, `Version ${body.version} is rejected`), ` (stored, it can never serve): ${body.errors.length} error(s). `,
        h('a', { href: `/console/version.html?v=${body.version}` }, `See them on the sheet`),
        problemList(body.version, body.errors),
        body.warnings.length ? [h('h3', {}, 'Warnings'), problemList(body.version, body.warnings)] : null)
      : problemBox(error));
  } finally {
    $('upload-button').disabled = false;
    $('files').value = '';
  }
  await Promise.all([showVersions(), showActivations()]);
setInterval(() => showInstances().catch(() => null), 5000);
}

if (page.canManage) {
  $('upload-section').hidden = false;
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); });
  $('upload').addEventListener('submit', (e) => { e.preventDefault(); upload($('files').files); });
}
await Promise.all([showVersions(), showActivations()]);
setInterval(() => showInstances().catch(() => null), 5000);
