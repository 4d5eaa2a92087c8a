/**
 * CSV that spreadsheets open correctly: every field quoted (commas, quotes, newlines survive),
 * a UTF-8 byte-order mark (Devanagari and other scripts survive Excel), CRLF line ends, and no
 * field that Excel, LibreOffice or Google Sheets would run as a formula. Every CSV export uses it
 * (enquiries, subscribers).
 */
import { isPhoneNumber } from '@medblog/shared';
import type { Context } from './http';

/**
 * Text a spreadsheet may read as a formula or a command: = + - @ first (or their full-width forms,
 * which Excel reads as formulas in East Asian locales), also after spaces or tabs that some
 * spreadsheets trim, and a tab or CR first.
 */
const FORMULA_START = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

/**
 * A field's text as spreadsheets should show it. A formula gets an apostrophe first, the
 * spreadsheets' own mark for "text, not a formula". A phone number such as +91 98765 43210 gets a
 * space first instead, which shows only as a slight indent: spreadsheets start a formula at the
 * first character only, and a phone number is digits and separators, with no function, reference
 * or command, so even a spreadsheet that trimmed the space and computed it could do no harm.
 */
function spreadsheetText(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  return isPhoneNumber(text) ? ` ${text}` : `'${text}`;
}

export function csvField(value: unknown): string {
  const text = spreadsheetText(value === null || value === undefined ? '' : String(value));
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Answers with a CSV download named `<name>-<today>.csv`, never cached, and its row count in
 * X-Total-Count (export screens say how many rows the file holds without parsing it).
 */
export function sendCsv(ctx: Context, name: string, header: string[], rows: unknown[][]): void {
  const stamp = new Date().toISOString().slice(0, 10);
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name}-${stamp}.csv"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Total-Count', String(rows.length));
  ctx.body = toCsv(header, rows);
}
