import { describe, expect, it } from 'vitest';
import { adminUrl, contentManagerEntryPath, moderationScreenPath, reviewsDueListPath } from './admin-urls.js';

describe('admin URLs', () => {
  it('builds the moderation screen and a content-manager entry under /admin', () => {
    expect(adminUrl('https://cms.example.org/', moderationScreenPath())).toBe(
      'https://cms.example.org/admin/moderation',
    );
    expect(adminUrl('http://localhost:1337', contentManagerEntryPath('api::enquiry.enquiry', 'abc123'))).toBe(
      'http://localhost:1337/admin/content-manager/collection-types/api::enquiry.enquiry/abc123',
    );
  });

  it('lists the articles due for review by a day, most overdue first', () => {
    const query = new URL(reviewsDueListPath('2026-12-01'), 'https://cms.example.org').searchParams;
    expect(query.get('filters[$and][0][nextReviewDueAt][$lte]')).toBe('2026-12-01');
    expect(query.get('sort')).toBe('nextReviewDueAt:ASC');
    expect(reviewsDueListPath('2026-12-01')).toMatch(/^\/content-manager\/collection-types\/api::article\.article\?/);
  });
});
