/**
 * CSV that spreadsheets open correctly: every field quoted (commas, quotes, newlines survive),
 * a UTF-8 byte-order mark (Devanagari and other scripts survive Excel), CRLF line ends, and text
 * that a spreadsheet would run as a formula (= + - @ tab CR at the start) prefixed with a quote.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
