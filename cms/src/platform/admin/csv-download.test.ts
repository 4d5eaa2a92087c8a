import { describe, expect, it } from 'vitest';
import { datedFileName, downloadFileName, errorMessageFromBody, exportedCount } from './csv-download';

describe('downloadFileName', () => {
  it('uses the name the server sends', () => {
    expect(downloadFileName('attachment; filename="enquiries-2026-03-01.csv"', 'x.csv')).toBe(
      'enquiries-2026-03-01.csv',
    );
    expect(downloadFileName('attachment; filename="subscribers-2026-12-07.csv"', 'x.csv')).toBe(
      'subscribers-2026-12-07.csv',
    );
    expect(downloadFileName("attachment; filename*=UTF-8''enqu%C3%AAtes.csv", 'x.csv')).toBe('enquêtes.csv');
  });

  it('falls back to a dated name and never returns a path', () => {
    expect(downloadFileName(null, datedFileName('enquiries', new Date('2026-03-01T10:00:00Z')))).toBe(
      'enquiries-2026-03-01.csv',
    );
    expect(downloadFileName(null, datedFileName('subscribers', new Date('2026-01-02T00:00:00Z')))).toBe(
      'subscribers-2026-01-02.csv',
    );
    expect(downloadFileName('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('.._.._etc_passwd');
    expect(downloadFileName('attachment; filename="../x.csv"', 'x.csv')).toBe('.._x.csv');
  });
});

describe('exportedCount', () => {
  it("reads the server's count of exported rows", () => {
    expect(exportedCount('0')).toBe(0);
    expect(exportedCount('3')).toBe(3);
  });

  it('knows no count when the header is missing or not a number', () => {
    expect(exportedCount(null)).toBeUndefined();
    expect(exportedCount('')).toBeUndefined();
    expect(exportedCount('three')).toBeUndefined();
  });
});

describe('errorMessageFromBody', () => {
  const forbidden = 'Your role may not read enquiries.';

  it("shows the server's message for a refused export, as raw text or parsed", () => {
    const body = {
      data: null,
      error: { status: 400, name: 'ValidationError', message: 'from: must be a date such as 2026-01-31' },
    };
    expect(errorMessageFromBody(JSON.stringify(body), 400, forbidden)).toBe('from: must be a date such as 2026-01-31');
    expect(errorMessageFromBody({ error: { message: 'q: too long' } }, 400, forbidden)).toBe('q: too long');
  });

  it('explains a refusal without a readable body', () => {
    expect(errorMessageFromBody('', 403, forbidden)).toBe('Your role may not read enquiries.');
    expect(errorMessageFromBody(undefined, 403, forbidden)).toBe('Your role may not read enquiries.');
    expect(errorMessageFromBody('<html>', 502, forbidden)).toBe('The server answered 502.');
    expect(errorMessageFromBody(undefined, 401, forbidden)).toBe('Your session has ended: log in again.');
    expect(errorMessageFromBody(undefined, undefined, forbidden)).toBe('The server did not answer.');
  });
});
