import { describe, expect, it } from 'vitest';
import { replyMailto, topicLabel } from './enquiry';

describe('the enquiry screen', () => {
  it('replies by e-mail to the sender with the topic in the subject', () => {
    expect(replyMailto({ email: 'priya.s+med@example.net', topic: 'usmle-preparation' })).toBe(
      'mailto:priya.s%2Bmed@example.net?subject=Your%20enquiry%3A%20USMLE%20preparation',
    );
  });

  it('shows topics as people read them', () => {
    expect(topicLabel('clinical-partnerships')).toBe('Clinical partnerships');
  });
});
