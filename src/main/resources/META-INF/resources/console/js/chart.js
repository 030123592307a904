// A rate over days as an inline SVG: the rate as a line with a dot a day, its 95 % interval as a band around it,
// days without presented offers left as gaps. Drawn here, no chart library; the figures are also given as a table.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 1120;
const HEIGHT = 280;
const PAD = { left: 56, right: 16, top: 14, bottom: 36 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** points: [{day: '2026-12-01', rate, low, high, label}] for every day in order, rate null where nothing was presented. */
export function rateChart(points, { title, description }) {
  const known = points.filter((p) => p.rate !== null);
  const highest = Math.max(...known.map((p) => p.high));
  const top = [0.02, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1].find((t) => t >= highest) ?? 1;
  const x = (i) => PAD.left + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (rate) => PAD.top + (1 - rate / top) * (HEIGHT - PAD.top - PAD.bottom);
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title chart-desc' },
    el('title', { id: 'chart-title' }, title), el('desc', { id: 'chart-desc' }, description));

  for (let t = 0; t <= 4; t++) {
    const rate = (top * t) / 4;
    svg.append(el('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(rate), y2: y(rate) }),
      el('text', { class: 'tick', x: PAD.left - 6, y: y(rate) + 4, 'text-anchor': 'end' }, `${(rate * 100).toFixed(top < 0.1 ? 1 : 0)} %`));
  }
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % every === 0 || (i === points.length - 1 && i % every > every / 2)) {
      svg.append(el('text', { class: 'tick', x: x(i), y: HEIGHT - PAD.bottom + 18, 'text-anchor': 'middle' }, p.day.slice(5)));
    }
  });

  // One band and one line per run of days with a rate, so that a day without data is a gap, not a guess.
  for (const run of runs(points)) {
    const upper = run.map(({ p, i }) => `${x(i)},${y(p.high)}`);
    const lower = run.map(({ p, i }) => `${x(i)},${y(p.low)}`).reverse();
    svg.append(run.length === 1
      ? el('line', { class: 'band-bar', x1: x(run[0].i), x2: x(run[0].i), y1: y(run[0].p.low), y2: y(run[0].p.high) })
      : el('polygon', { class: 'band', points: [...upper, ...lower].join(' ') }),
    el('polyline', { class: 'rate', points: run.map(({ p, i }) => `${x(i)},${y(p.rate)}`).join(' ') }));
  }
  known.forEach((p) => {
    const i = points.indexOf(p);
    svg.append(el('circle', { class: 'point', cx: x(i), cy: y(p.rate), r: 3.5 }, el('title', {}, p.label)));
  });
  return svg;
}

function runs(points) {
  const all = [];
  let run = [];
  points.forEach((p, i) => {
    if (p.rate === null) {
      if (run.length) all.push(run);
      run = [];
    } else {
      run.push({ p, i });
    }
  });
  if (run.length) all.push(run);
  return all;
}
