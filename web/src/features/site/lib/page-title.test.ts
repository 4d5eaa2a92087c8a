import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

const SITE = 'Setu Medical Academy';

describe('pageTitle', () => {
  it('adds the site name after a title that does not name the site', () => {
    expect(pageTitle('What Is an Observership? A Guide for Indian Graduates', SITE)).toBe(
      'What Is an Observership? A Guide for Indian Graduates | Setu Medical Academy',
    );
    // A dash inside the title is not a separator before a name.
    expect(pageTitle('Step 1 - where to begin', SITE)).toBe('Step 1 - where to begin | Setu Medical Academy');
    // A word of the name that is not its start does not count.
    expect(pageTitle('Study plans | Academy', SITE)).toBe('Study plans | Academy | Setu Medical Academy');
  });

  it('keeps a title that already ends with the site name, whole or its first words, any separator or case', () => {
    for (const title of [
      'How to Plan a Clinical Rotation | Setu Medical Academy',
      'Keeping an Internship Logbook That Works | Setu',
      'A Practical USMLE Step 2 CK Study Plan – SETU',
      'Elective checklist - Setu Medical',
    ]) {
      expect(pageTitle(title, SITE)).toBe(title);
    }
  });

  it('uses whichever it has when the title or the site name is missing', () => {
    expect(pageTitle(undefined, SITE)).toBe(SITE);
    expect(pageTitle('Search', undefined)).toBe('Search');
    expect(pageTitle(undefined, undefined)).toBe('');
  });
});
