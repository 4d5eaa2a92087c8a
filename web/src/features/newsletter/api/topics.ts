// Free of zod and of the form's code: the site server and the pages use it too.

/** A topic a reader can choose: a category's slug and name. */
export interface TopicChoice {
  slug: string;
  name: string;
}

/** The form's id, for links and the no-script redirect to land on it. */
export const SUBSCRIBE_FORM_ID = 'subscribe-form';

export const NO_TOPIC_CHOSEN = 'Choose at least one topic';

/**
 * The topics to send for the boxes ticked: every box ticked means every topic, new ones included
 * (an empty list, as the CMS reads it); none ticked is no subscription at all (null).
 */
export function topicsToSend(ticked: readonly string[], offered: readonly string[]): string[] | null {
  // No topics to offer (the topics could not be loaded): every topic.
  if (offered.length === 0) return [];
  if (ticked.length === 0) return null;
  return offered.every((slug) => ticked.includes(slug)) ? [] : offered.filter((slug) => ticked.includes(slug));
}

/**
 * The boxes a form refused without the page's code had ticked (the site's server writes them back
 * as slugs, comma-separated: src/server/form-posts.ts); undefined when it was not refused.
 */
export const tickedWhenRefused = (refused: { values: Record<string, string> } | undefined): string[] | undefined =>
  refused?.values.topics?.split(',').filter(Boolean);

/** The boxes ticked for a subscription's topics: all of them for "every topic" (an empty list). */
export const tickedFor = (topics: readonly string[], offered: readonly TopicChoice[]): string[] =>
  topics.length === 0 ? offered.map((topic) => topic.slug) : [...topics];

/** What a subscription's frequency means, inside a sentence. */
export const FREQUENCY_IN_WORDS = { 'each-article': 'each new article', weekly: 'a weekly digest' } as const;

/** "USMLE preparation and Internships", "every topic": what a subscription covers, in a sentence. */
export function topicsInWords(topics: readonly string[], choices: readonly TopicChoice[]): string {
  if (topics.length === 0) return 'every topic';
  const names = topics.map((slug) => choices.find((choice) => choice.slug === slug)?.name ?? slug);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
