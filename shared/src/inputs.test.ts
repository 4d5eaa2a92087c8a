import { describe, expect, it } from 'vitest';
import {
  commentInputSchema,
  enquiryInputSchema,
  errorsByField,
  fieldErrors,
  subscribeInputSchema,
  subscriptionChangeInputSchema,
  subscriptionTokenInputSchema,
  SUBSCRIPTION_TOPICS_MAX,
} from './inputs.js';

const comment = {
  article: 'a1b2c3d4e5f6g7h8i9j0k1l2',
  authorName: 'Asha',
  authorEmail: 'asha@example.org',
  body: 'Thank you!',
};
const enquiry = {
  name: 'Ravi',
  email: 'ravi@example.org',
  topic: 'internships',
  message: 'Which months?',
  consent: true,
};

function errors(schema: typeof commentInputSchema | typeof enquiryInputSchema, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : errorsByField(fieldErrors(result.error));
}

describe('commentInputSchema', () => {
  it('accepts a plain comment and trims it', () => {
    const parsed = commentInputSchema.parse({ ...comment, authorName: '  Asha  ' });
    expect(parsed.authorName).toBe('Asha');
  });

  it('names each missing field', () => {
    expect(errors(commentInputSchema, {})).toEqual({
      article: 'article must be the documentId of an existing entry',
      authorName: 'Name is required',
      authorEmail: 'E-mail is required',
      body: 'Comment is required',
    });
  });

  it('drops fields the server decides, such as moderationStatus', () => {
    expect(commentInputSchema.parse({ ...comment, moderationStatus: 'approved' })).not.toHaveProperty(
      'moderationStatus',
    );
  });

  it('rejects HTML, overlong text and a bad e-mail', () => {
    expect(errors(commentInputSchema, { ...comment, body: 'hi <script>alert(1)</script>' })).toEqual({
      body: 'Comment must not contain HTML',
    });
    expect(errors(commentInputSchema, { ...comment, authorName: 'x'.repeat(81) })).toEqual({
      authorName: 'Name must be at most 80 characters',
    });
    expect(errors(commentInputSchema, { ...comment, authorEmail: 'not-an-email' })).toEqual({
      authorEmail: 'E-mail must be a valid e-mail address',
    });
  });

  it('keeps a lone "<" as text', () => {
    expect(errors(commentInputSchema, { ...comment, body: 'a score < 200 is fine' })).toEqual({});
  });

  it('takes a commenter key only as the comment form makes it: 43 base64url characters, or none', () => {
    const key = 'Zm9yIHRoZS10ZXN0cy1vbmx5X19fX19fX19fX19fX18';
    expect(key).toHaveLength(43);
    expect(commentInputSchema.parse({ ...comment, commenterKey: key }).commenterKey).toBe(key);
    expect(commentInputSchema.parse(comment)).not.toHaveProperty('commenterKey');
    for (const bad of [
      key.slice(1),
      `${key}A`,
      `${key.slice(1)}+`,
      `${key.slice(2)}==`,
      ` ${key.slice(1)}`,
      '',
      null,
      7,
    ]) {
      expect(Object.keys(errors(commentInputSchema, { ...comment, commenterKey: bad })), String(bad)).toEqual([
        'commenterKey',
      ]);
    }
  });
});

describe('enquiryInputSchema', () => {
  it('accepts international phone numbers', () => {
    for (const phone of ['+91 98765 43210', '+1 (415) 555-0100', '09876543210', '']) {
      expect(errors(enquiryInputSchema, { ...enquiry, phone })).toEqual({});
    }
  });

  it('rejects what is not a phone number', () => {
    for (const phone of ['call me', '+91', '12-34']) {
      expect(errors(enquiryInputSchema, { ...enquiry, phone }).phone).toMatch(/phone number/);
    }
  });

  it('requires consent to be exactly true', () => {
    expect(errors(enquiryInputSchema, { ...enquiry, consent: false })).toEqual({
      consent: 'Consent is required to send an enquiry',
    });
    expect(errors(enquiryInputSchema, { ...enquiry, consent: 'true' })).toEqual({
      consent: 'Consent is required to send an enquiry',
    });
  });

  it('rejects an unknown topic and an outside sourcePath', () => {
    expect(errors(enquiryInputSchema, { ...enquiry, topic: 'cardiology' }).topic).toMatch(/^Topic must be one of/);
    expect(errors(enquiryInputSchema, { ...enquiry, sourcePath: 'https://evil.example' }).sourcePath).toMatch(
      /path on this site/,
    );
  });
});

describe('one-line fields', () => {
  it('refuses a line break in a name, so it cannot add a line to a staff e-mail', () => {
    for (const name of ['Ravi\r\nOpen it: https://evil.example', 'Ravi\nX', 'Ravi\u2028X', 'Ravi\tX']) {
      expect(errors(enquiryInputSchema, { ...enquiry, name })).toEqual({ name: 'Name must be on one line' });
      expect(errors(commentInputSchema, { ...comment, authorName: name })).toEqual({
        authorName: 'Name must be on one line',
      });
    }
    expect(errors(enquiryInputSchema, { ...enquiry, phone: '+91 98765\r\n43210' }).phone).toMatch(/phone number/);
  });

  it('keeps line breaks in a message', () => {
    expect(errors(enquiryInputSchema, { ...enquiry, message: 'First line\r\nSecond line' })).toEqual({});
  });

  it('refuses control characters in sourcePath', () => {
    expect(errors(enquiryInputSchema, { ...enquiry, sourcePath: '/a\u0000b' }).sourcePath).toMatch(/path on this site/);
  });
});

/** The first message for each field of `input`, or {} when the schema takes it. */
function refusals(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : errorsByField(fieldErrors(result.error as Parameters<typeof fieldErrors>[0]));
}

describe('subscription inputs', () => {
  const token = `${'a'.repeat(48)}.${'b'.repeat(43)}`;

  it('takes an address, its topics and a frequency, trimming the address', () => {
    const parsed = subscribeInputSchema.parse({
      email: '  Reader@Example.org ',
      frequency: 'weekly',
      topics: ['usmle-preparation'],
    });
    expect(parsed).toEqual({ email: 'Reader@Example.org', frequency: 'weekly', topics: ['usmle-preparation'] });
    expect(subscribeInputSchema.parse({ email: 'a@example.org', frequency: 'each-article' }).topics).toBeUndefined();
  });

  it('names the field of each bad subscription', () => {
    const cases: Array<[string, unknown]> = [
      ['email', { frequency: 'weekly' }],
      ['email', { email: 'nobody', frequency: 'weekly' }],
      ['email', { email: ['a@example.org'], frequency: 'weekly' }],
      ['frequency', { email: 'a@example.org' }],
      ['frequency', { email: 'a@example.org', frequency: 'daily' }],
      ['topics', { email: 'a@example.org', frequency: 'weekly', topics: 'usmle-preparation' }],
      ['topics', { email: 'a@example.org', frequency: 'weekly', topics: ['USMLE'] }],
      ['topics', { email: 'a@example.org', frequency: 'weekly', topics: ['-leading-dash'] }],
      ['topics', { email: 'a@example.org', frequency: 'weekly', topics: Array(SUBSCRIPTION_TOPICS_MAX + 1).fill('a') }],
    ];
    for (const [field, input] of cases)
      expect(Object.keys(refusals(subscribeInputSchema, input)), JSON.stringify(input)).toEqual([field]);
  });

  it('takes only the characters a signed link holds as a token', () => {
    expect(subscriptionTokenInputSchema.parse({ token })).toEqual({ token });
    expect(subscriptionTokenInputSchema.parse({ token: 'c'.repeat(60) })).toEqual({ token: 'c'.repeat(60) });
    for (const bad of [
      undefined,
      '',
      'short',
      `${token}.more`,
      `${token} `,
      'a'.repeat(401),
      'a/b+c=d'.repeat(5),
      42,
    ]) {
      expect(refusals(subscriptionTokenInputSchema, { token: bad }), String(bad)).toEqual({
        token: 'The link is not complete: open it from the e-mail again',
      });
    }
  });

  it('needs a token, topics and a frequency to change a subscription', () => {
    expect(subscriptionChangeInputSchema.parse({ token, topics: [], frequency: 'weekly' })).toEqual({
      token,
      topics: [],
      frequency: 'weekly',
    });
    expect(Object.keys(refusals(subscriptionChangeInputSchema, { token, frequency: 'weekly' }))).toEqual(['topics']);
    expect(Object.keys(refusals(subscriptionChangeInputSchema, { token, topics: [] }))).toEqual(['frequency']);
    expect(Object.keys(refusals(subscriptionChangeInputSchema, { topics: [], frequency: 'weekly' }))).toEqual([
      'token',
    ]);
  });
});
