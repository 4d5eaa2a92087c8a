import { describe, expect, it } from 'vitest';
import { adminUrl, contentManagerEntryPath, moderationScreenPath } from './admin-urls.js';

describe('admin URLs', () => {
  it('builds the moderation screen and a content-manager entry under /admin', () => {
    expect(adminUrl('https://cms.example.org/', moderationScreenPath())).toBe(
      'https://cms.example.org/admin/moderation',
    );
    expect(adminUrl('http://localhost:1337', contentManagerEntryPath('api::enquiry.enquiry', 'abc123'))).toBe(
      'http://localhost:1337/admin/content-manager/collection-types/api::enquiry.enquiry/abc123',
    );
  });
});
