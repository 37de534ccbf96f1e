import type { FlagOutcome, PostEditingReport, SentenceReport } from './post-editing-report.js';

// Columns of the report CSV, one row per sentence. `sentence` counts from 1 as the pages do.
const COLUMNS: readonly [string, (sentence: SentenceReport) => string | number][] = [
  ['sentence', (sentence) => sentence.position + 1],
  ['paragraph', (sentence) => sentence.paragraph + 1],
  ['role', (sentence) => sentence.role],
  ['status', (sentence) => sentence.status],
  ['changed', (sentence) => (sentence.changed ? 'yes' : 'no')],
  ['edit_rate', (sentence) => Number(sentence.editRate.rate.toFixed(4))],
  ['edits', (sentence) => sentence.editRate.edits],
  ['words', (sentence) => sentence.editRate.words],
  ['classes', (sentence) => sentence.classes.join(' ')],
  ['flags_on_mt', (sentence) => sentence.flags.length],
  ['flags_confirmed', (sentence) => countOutcome(sentence, 'confirmed')],
  ['flags_dismissed', (sentence) => countOutcome(sentence, 'dismissed')],
  ['flags_left', (sentence) => countOutcome(sentence, 'left')],
  ['checks_on_mt', (sentence) => [...new Set(sentence.flags.map((flag) => flag.checkId))].join(' ')],
  ['machine_translation', (sentence) => sentence.original],
  ['text', (sentence) => sentence.text],
];

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"):
// "=HYPERLINK(...)" in an article would become a live link. Tab and carriage return are on the list
// because some spreadsheets strip them before looking.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The post-editing report as CSV (RFC 4180): a header, then one row per sentence; CRLF line
 * ends; a field is quoted when it holds a comma, a quote or a line break, quotes doubled. Text
 * cells that a spreadsheet would run as a formula get a leading apostrophe, which spreadsheets
 * hide and treat as "this is text"; numeric cells are written from numbers, so they need none.
 * The file starts with a UTF-8 byte order mark, without which Excel reads "é" as "Ã©".
 */
export function formatReportCsv(report: PostEditingReport): string {
  const rows = [COLUMNS.map(([name]) => name)];
  for (const sentence of report.sentences) {
    rows.push(COLUMNS.map(([, cell]) => {
      const value = cell(sentence);
      return typeof value === 'number' ? String(value) : neutralizeFormula(value);
    }));
  }
  return `\ufeff${rows.map((row) => row.map(quoteField).join(',')).join('\r\n')}\r\n`;
}

/** Quote a field for RFC 4180 when it needs it. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Prefix an apostrophe to text a spreadsheet would run as a formula. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function countOutcome(sentence: SentenceReport, outcome: FlagOutcome): number {
  return sentence.flags.filter((flag) => flag.outcome === outcome).length;
}
