// What every console page shares: calling the service's API with the sign-in cookie, building elements from data
// (text always goes in as text, never as HTML), the page frame (navigation, who is signed in) and the status line.

/** A problem answer (application/problem+json) or any other non-2xx answer. */
export class ApiError extends Error {
  constructor(status, body) {
    super(typeof body === 'object' && body ? (body.detail || body.title || `HTTP ${status}`) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API; JSON answers are parsed. A lost session goes back to the sign-in page. */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(path, { method, body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // A 401 without the Basic challenge is the journey tools' API key (NBA_API_KEY), not a lost session.
  const signedOut = response.status === 401 && (response.headers.get('WWW-Authenticate') || '').startsWith('Basic');
  if (signedOut || (response.redirected && response.url.includes('/console/sign-in.html'))) {
    location.assign('/console/sign-in.html');
    throw new ApiError(401, { detail: 'Signed out' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data };
}

/** h('td', {class: 'num'}, 'text', otherNode): an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
export const param = (name) => new URLSearchParams(location.search).get(name);
export const versionLink = (v) => h('a', { href: `/console/version.html?v=${v}` }, `v${v}`);
export const list = (items) => (items && items.length ? items.join(', ') : '—');

/** "add-on.drl.xlsx › Add-ons F14: message" */
export const where = (p) => [p.file, p.sheet && ` › ${p.sheet}`, p.cell && ` ${p.cell}`].filter(Boolean).join('');

/** The id of a sheet cell on the version page, for links from a problem to its highlighted cell. */
export const cellId = (file, sheet, ref) => `cell-${file}-${sheet}-${ref}`.replace(/[^A-Za-z0-9_.-]/g, '_');

const PAGES = [['/console/', 'Versions'], ['/console/diff.html', 'Compare'], ['/console/try.html', 'Try it'],
  ['/console/decision.html', 'Why this decision'], ['/console/performance.html', 'Performance']];

/**
 * Draws the page frame and resolves to the signed-in user ({name, roles}) with helpers: canManage (analyst),
 * canForce (admin), and say(text, kind) for the status line that screen readers announce.
 */
export async function frame() {
  const { data: user } = await api('/console/session');
  const here = location.pathname.endsWith('/console') ? '/console/' : location.pathname;
  const nav = h('nav', { 'aria-label': 'Console' }, h('ul', {}, PAGES.map(([href, label]) =>
    h('li', {}, h('a', { href, 'aria-current': here === href || (href === '/console/' && here === '/console/index.html') ? 'page' : null }, label)))));
  const who = h('div', { class: 'who' }, h('span', {}, `Signed in as ${user.name} (${user.roles.join(', ') || 'no role'})`),
    h('form', { method: 'post', action: '/console/session/sign-out' }, h('button', { class: 'secondary', type: 'submit' }, 'Sign out')));
  document.body.prepend(h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('header', { class: 'top' }, h('span', { class: 'brand' }, 'Next-best-action rules'), nav, who));
  const status = document.getElementById('status');
  return {
    user,
    canManage: user.roles.includes('analyst'),
    canForce: user.roles.includes('admin'),
    say(text, kind = 'ok') {
      fill(status, text ? h('div', { class: `message ${kind}` }, text) : null);
    },
  };
}

/** Shows an error in a container: the problem's detail, and its field errors when it names any. */
export function problemBox(error) {
  const body = error.body || {};
  return h('div', { class: 'message error', role: 'alert' },
    h('strong', {}, body.title || 'Error'), ' ', error.message,
    (body.errors || []).length ? h('ul', { class: 'problems' }, body.errors.map((e) =>
      h('li', {}, e.field ? `${e.field}: ${e.message}` : `${where(e)}: ${e.message}`))) : null);
}
