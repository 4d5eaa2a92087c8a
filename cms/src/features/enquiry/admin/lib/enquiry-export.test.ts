import { describe, expect, it } from 'vitest';
import { ENQUIRY_TOPICS } from '@medblog/shared';
import { ANY, TOPIC_OPTIONS, exportPath, isoDay, matchingSummary, rangeError } from './enquiry-export';

describe('exportPath', () => {
  it('asks for everything when no filter is set', () => {
    expect(exportPath({ handlingStatus: ANY, topic: ANY })).toBe('/medblog/enquiries/export');
  });

  it('sends only the filters that are set, dates as calendar days', () => {
    const path = exportPath({
      handlingStatus: 'in-progress',
      topic: 'usmle-preparation',
      from: new Date(2026, 0, 5),
      to: new Date(2026, 1, 28, 23, 59),
    });
    expect(path).toBe(
      '/medblog/enquiries/export?handlingStatus=in-progress&topic=usmle-preparation&from=2026-01-05&to=2026-02-28',
    );
  });
});

describe('the count before the download', () => {
  it('asks the count endpoint with the same filters, and says how many match', () => {
    expect(exportPath({ handlingStatus: 'closed', topic: ANY }, 'count')).toBe(
      '/medblog/enquiries/count?handlingStatus=closed',
    );
    expect(matchingSummary(0)).toBe('No enquiry matches these filters.');
    expect(matchingSummary(1)).toBe('1 enquiry matches these filters.');
    expect(matchingSummary(12)).toBe('12 enquiries match these filters.');
  });
});

describe('dates', () => {
  it('keeps the day the user picked whatever the time of day', () => {
    expect(isoDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
    expect(isoDay(new Date(2026, 0, 1, 23, 59))).toBe('2026-01-01');
  });

  it('refuses a backwards range but accepts a single day', () => {
    expect(rangeError({ from: new Date(2026, 1, 2), to: new Date(2026, 1, 1) })).toBeDefined();
    expect(rangeError({ from: new Date(2026, 1, 1), to: new Date(2026, 1, 1, 12) })).toBeUndefined();
    expect(rangeError({ from: new Date(2026, 1, 1) })).toBeUndefined();
  });
});

describe('topics', () => {
  it('offers every topic of the contract with its reader-facing label', () => {
    expect(TOPIC_OPTIONS.map((o) => o.value)).toEqual([ANY, ...ENQUIRY_TOPICS]);
    expect(TOPIC_OPTIONS.find((o) => o.value === 'usmle-preparation')?.label).toBe('USMLE preparation');
  });
});
