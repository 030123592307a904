// A workbook sheet drawn as a table (column letters across, row numbers down), with the cells the problems name
// highlighted (and described for screen readers) and the rows and guardrails no regression case reaches marked.
import { h, cellId } from './console.js';

/** problems: [{cell, message, kind}] of this sheet; uncoveredRows: row numbers; uncoveredCodes: guardrail codes. */
export function sheetTable(file, sheet, problems, uncoveredRows = new Set(), uncoveredCodes = new Set()) {
  const byCell = new Map();
  for (const p of problems) {
    if (p.cell) byCell.set(p.cell, [...(byCell.get(p.cell) || []), p]);
  }
  const letters = Array.from({ length: sheet.columns }, (_, i) => columnLetter(i));
  const body = sheet.rows.map((row) => {
    const flagged = row.cells.some((c) => byCell.has(c.ref));
    const uncovered = uncoveredRows.has(row.row);
    const cells = [];
    let next = 0;
    // A lone text in the first column (a title, a description) reads across the sheet, as in Excel.
    const lone = row.cells.length === 1 && row.cells[0].column === 'A';
    for (const cell of lone ? [{ ...row.cells[0], span: sheet.columns }] : row.cells) {
      const index = columnIndex(cell.column);
      for (; next < index; next++) cells.push(h('td', {}));
      cells.push(cellElement(file, sheet.name, cell, byCell.get(cell.ref), uncoveredCodes.has(cell.text)));
      next = index + cell.span;
    }
    for (; next < sheet.columns; next++) cells.push(h('td', {}));
    return h('tr', { class: [row.hidden && !flagged ? 'collapsed' : '', uncovered ? 'uncovered' : ''].join(' ').trim() || null },
      h('th', { scope: 'row' }, row.row, uncovered ? h('span', { class: 'visually-hidden' }, ' (no regression case reaches this row)') : null),
      cells);
  });
  return h('div', { class: 'sheet-wrap', tabindex: '0', role: 'region', 'aria-label': `${file}, sheet ${sheet.name}` },
    h('table', { class: 'sheet' }, h('caption', { class: 'visually-hidden' }, `${file}, sheet ${sheet.name}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Row')), letters.map((l) => h('th', { scope: 'col' }, l)))),
      h('tbody', {}, body)));
}

function cellElement(file, sheetName, cell, problems, uncoveredCode) {
  const kind = problems && (problems.some((p) => p.kind === 'error') ? 'error' : 'warning');
  const text = problems ? problems.map((p) => `${p.kind}: ${p.message}`).join('\n') : null;
  return h('td', {
    id: problems ? cellId(file, sheetName, cell.ref) : null,
    class: [problems ? `problem ${kind}` : '', uncoveredCode ? 'uncovered' : ''].join(' ').trim() || null,
    colspan: cell.span > 1 ? cell.span : null,
    title: text,
    tabindex: problems ? '-1' : null,
    dataset: { ref: cell.ref },
  }, cell.text,
  problems ? h('span', { class: 'visually-hidden' }, ` (${cell.ref}, ${text})`) : null,
  uncoveredCode ? h('span', { class: 'visually-hidden' }, ' (no regression case reaches this guardrail)') : null);
}

function columnLetter(index) {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters) {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** "add-on.drl.xlsx › Add-ons row 14: Seat pack" as {file, sheet, row}, or null for a DRL rule. */
export function parseRowRef(text) {
  const match = /^(.+?) › (.+?) row (\d+): /.exec(text);
  return match ? { file: match[1], sheet: match[2], row: Number(match[3]) } : null;
}
