/** The types and schemas in @medblog/shared describe the Strapi schemas exactly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIENCES,
  BOT_CHECK_FIELDS,
  commentInputSchema,
  ENQUIRY_TOPICS,
  enquiryInputSchema,
  HANDLING_STATUSES,
  LIMITS,
  MODERATION_STATUSES,
  PUBLIC_FIELDS,
  REDIRECT_CODES,
  SOCIAL_PLATFORMS,
} from '@medblog/shared';

type Attributes = Record<string, { type: string; private?: boolean; maxLength?: number; enum?: string[] }>;

function attributes(path: string): Attributes {
  return JSON.parse(readFileSync(join(__dirname, '..', 'src', path), 'utf8')).attributes;
}
const schemaOf = (name: string) => attributes(`api/${name}/content-types/${name}/schema.json`);
const publicNames = (attrs: Attributes) =>
  Object.keys(attrs)
    .filter((name) => !attrs[name].private)
    .sort();

describe('public shapes match the content types', () => {
  it.each(['article', 'category', 'author', 'comment', 'global', 'redirect'] as const)('%s', (name) => {
    expect([...PUBLIC_FIELDS[name]].sort()).toEqual(publicNames(schemaOf(name)));
  });

  it('components', () => {
    expect([...PUBLIC_FIELDS.seo].sort()).toEqual(publicNames(attributes('components/shared/seo.json')));
    expect([...PUBLIC_FIELDS.socialLink].sort()).toEqual(publicNames(attributes('components/shared/social-link.json')));
    expect([...PUBLIC_FIELDS.reference].sort()).toEqual(publicNames(attributes('components/shared/reference.json')));
  });
});

describe('input schemas match the content types', () => {
  const storedInputs = (shape: object) =>
    Object.keys(shape)
      .filter((key) => !(BOT_CHECK_FIELDS as string[]).includes(key))
      .sort();

  it('comment input names only stored, non-server fields (the commenter key is stored as its hash)', () => {
    const inputs = storedInputs(commentInputSchema.shape);
    expect(inputs).toEqual(['article', 'authorEmail', 'authorName', 'body', 'commenterKey', 'parent']);
    const comment = schemaOf('comment');
    for (const field of inputs.filter((name) => name !== 'commenterKey')) expect(comment).toHaveProperty(field);
    expect(comment.commenterKeyHash).toMatchObject({ private: true });
    expect(comment).not.toHaveProperty('commenterKey');
  });

  it('enquiry input names the stored fields the public may set', () => {
    const enquiry = schemaOf('enquiry');
    const serverSide = ['handlingStatus', 'internalNotes', 'ipHash'];
    expect(storedInputs(enquiryInputSchema.shape)).toEqual(
      Object.keys(enquiry)
        .filter((f) => !serverSide.includes(f))
        .sort(),
    );
  });
});

describe('enumerations and limits', () => {
  it('enumerations', () => {
    expect(schemaOf('enquiry').topic.enum).toEqual([...ENQUIRY_TOPICS]);
    expect(schemaOf('enquiry').handlingStatus.enum).toEqual([...HANDLING_STATUSES]);
    expect(schemaOf('comment').moderationStatus.enum).toEqual([...MODERATION_STATUSES]);
    expect(schemaOf('redirect').code.enum).toEqual(Object.keys(REDIRECT_CODES));
    expect(schemaOf('article').audience.enum).toEqual([...AUDIENCES]);
    expect(attributes('components/shared/social-link.json').platform.enum).toEqual([...SOCIAL_PLATFORMS]);
  });

  it('length limits', () => {
    const article = schemaOf('article');
    const comment = schemaOf('comment');
    const enquiry = schemaOf('enquiry');
    const seo = attributes('components/shared/seo.json');
    expect({
      articleTitle: article.title.maxLength,
      articleExcerpt: article.excerpt.maxLength,
      seoMetaTitle: seo.metaTitle.maxLength,
      seoMetaDescription: seo.metaDescription.maxLength,
      commentAuthorName: comment.authorName.maxLength,
      commentBody: comment.body.maxLength,
      enquiryName: enquiry.name.maxLength,
      enquiryMessage: enquiry.message.maxLength,
      phone: enquiry.phone.maxLength,
      sourcePath: enquiry.sourcePath.maxLength,
    }).toEqual({
      articleTitle: LIMITS.articleTitle,
      articleExcerpt: LIMITS.articleExcerpt,
      seoMetaTitle: LIMITS.seoMetaTitle,
      seoMetaDescription: LIMITS.seoMetaDescription,
      commentAuthorName: LIMITS.commentAuthorName,
      commentBody: LIMITS.commentBody,
      enquiryName: LIMITS.enquiryName,
      enquiryMessage: LIMITS.enquiryMessage,
      phone: LIMITS.phone,
      sourcePath: LIMITS.sourcePath,
    });
  });
});
