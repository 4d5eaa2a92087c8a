/**
 * The e-mails to subscribers: HTML made with MJML (phone-sized, light and dark) and a plain-text
 * part saying the same. No tracking pixels, links as they are; the only pictures are articles'
 * covers.
 */
import mjml2html from 'mjml';

export interface Sender {
  siteName: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** The newsletter settings' text under every e-mail. */
  footerText?: string | null;
}

/** An article as an e-mail shows it. */
export interface ArticleCard {
  title: string;
  url: string;
  excerpt?: string | null;
  cover?: { url: string; alt: string } | null;
  readingTimeMinutes?: number | null;
  /** "Medically reviewed by …", or who wrote it. */
  trustLine?: string | null;
}

export interface Email {
  subject: string;
  text: string;
  html: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NO_TRACKING = 'We do not track you: this e-mail has no tracking pixel, and its links are not rewritten.';

function contactLine(sender: Sender): string {
  return [sender.contactEmail, sender.contactPhone].filter(Boolean).join(' · ');
}

interface Content {
  subject: string;
  paragraphs: string[];
  /** Below the paragraphs: each with its cover, title, summary and a link. */
  articles?: ArticleCard[];
  /** The one thing to do; an e-mail of articles has their links instead. */
  button?: { label: string; url: string };
  /** Below the button, smaller: e.g. how to leave. */
  after: string[];
}

/** What a card says under its title: reading time and who vouches for it. */
function cardFacts(article: ArticleCard): string {
  return [article.readingTimeMinutes ? `${article.readingTimeMinutes} min read` : null, article.trustLine]
    .filter(Boolean)
    .join(' · ');
}

function cardMjml(article: ArticleCard): string {
  const url = escape(article.url);
  const facts = cardFacts(article);
  return [
    article.cover
      ? `<mj-image src="${escape(article.cover.url)}" alt="${escape(article.cover.alt)}" href="${url}" padding="16px 0 8px" border-radius="6px" />`
      : '',
    `<mj-text font-size="20px" font-weight="bold" padding="8px 0 4px"><a href="${url}" style="color:#0b5cad;text-decoration:none">${escape(article.title)}</a></mj-text>`,
    facts
      ? `<mj-text css-class="muted" font-size="13px" color="#555555" padding="0 0 4px">${escape(facts)}</mj-text>`
      : '',
    article.excerpt ? `<mj-text padding="4px 0">${escape(article.excerpt)}</mj-text>` : '',
    `<mj-text padding="4px 0 12px"><a href="${url}">Read the article</a></mj-text>`,
  ].join('\n');
}

function cardText(article: ArticleCard): string[] {
  const facts = cardFacts(article);
  return [article.title, ...(facts ? [facts] : []), ...(article.excerpt ? [article.excerpt] : []), article.url, ''];
}

async function render(sender: Sender, content: Content): Promise<Email> {
  const paragraph = (text: string) => `<mj-text>${escape(text)}</mj-text>`;
  const small = (text: string) => `<mj-text css-class="muted" font-size="13px" color="#555555">${text}</mj-text>`;
  const contact = contactLine(sender);
  const { button } = content;
  const { html, errors } = await mjml2html(
    `<mjml lang="en">
  <mj-head>
    <mj-title>${escape(content.subject)}</mj-title>
    <mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1a1a1a" />
    </mj-attributes>
    <mj-style>
      @media (prefers-color-scheme: dark) {
        .page, .page div, .page table { background-color: #121212 !important; }
        .page div, .muted div { color: #e6e6e6 !important; }
        .page a { color: #8ab4f8 !important; }
      }
    </mj-style>
  </mj-head>
  <mj-body background-color="#ffffff" css-class="page" width="600px">
    <mj-section padding="16px">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold">${escape(sender.siteName)}</mj-text>
        ${content.paragraphs.map(paragraph).join('\n')}
        ${(content.articles ?? []).map(cardMjml).join('\n<mj-divider border-width="1px" border-color="#eeeeee" />\n')}
        ${button ? `<mj-button href="${escape(button.url)}" background-color="#0b5cad" color="#ffffff" font-size="16px" border-radius="6px" align="left">${escape(button.label)}</mj-button>` : ''}
        ${button ? `<mj-text font-size="13px" color="#555555" css-class="muted">If the button does not work, copy this address into your browser:<br /><a href="${escape(button.url)}">${escape(button.url)}</a></mj-text>` : ''}
        ${content.after.map((text) => small(escape(text))).join('\n')}
        <mj-divider border-width="1px" border-color="#dddddd" />
        ${sender.footerText ? small(escape(sender.footerText)) : ''}
        ${small(escape(NO_TRACKING))}
        ${small(escape([sender.siteName, contact].filter(Boolean).join(' · ')))}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`,
    { validationLevel: 'strict' },
  );
  if (errors.length) throw new Error(`E-mail template: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = [
    sender.siteName,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.articles ?? []).flatMap(cardText),
    ...(button ? [`${button.label}: ${button.url}`, ''] : []),
    ...content.after.flatMap((p) => [p, '']),
    '--',
    ...(sender.footerText ? [sender.footerText] : []),
    NO_TRACKING,
    [sender.siteName, contact].filter(Boolean).join(' · '),
  ].join('\n');
  return { subject: content.subject, html, text };
}

/** To a new (or still pending) address: the link that confirms it. */
export function confirmationEmail(sender: Sender, links: { confirm: string; manage: string }): Promise<Email> {
  return render(sender, {
    subject: `Confirm your subscription to ${sender.siteName}`,
    paragraphs: [
      `Someone, probably you, asked to receive new articles from ${sender.siteName} at this address.`,
      'Nothing will be sent to you until you confirm. The link below works for 48 hours.',
    ],
    button: { label: 'Confirm my subscription', url: links.confirm },
    after: [
      'If you did not ask for this, ignore this e-mail: your address will be forgotten within a week.',
      `Change your topics or leave at any time: ${links.manage}`,
    ],
  });
}

/** To an address already subscribed that was entered again: its manage link, nothing changed. */
export function alreadySubscribedEmail(sender: Sender, links: { manage: string }): Promise<Email> {
  return render(sender, {
    subject: `Your subscription to ${sender.siteName}`,
    paragraphs: [
      `Someone, probably you, asked to subscribe this address to ${sender.siteName}. It is already subscribed, and nothing has changed.`,
      'To change your topics or how often you hear from us, or to leave, use the link below.',
    ],
    button: { label: 'Manage my subscription', url: links.manage },
    after: ['If you did not ask for this, you can ignore this e-mail.'],
  });
}

/** How a subscriber leaves or changes what they get, under every newsletter e-mail. */
const leaveLine = (manage: string) =>
  `Change your topics or how often you hear from us, or leave in one click: ${manage}`;

/** A new article, to the subscribers of its topic who chose each new article. */
export function articleEmail(
  sender: Sender,
  article: ArticleCard & { topic?: string | null },
  links: { manage: string },
): Promise<Email> {
  return render(sender, {
    subject: article.title,
    paragraphs: [
      article.topic
        ? `A new article on ${sender.siteName}, in ${article.topic}:`
        : `A new article on ${sender.siteName}:`,
    ],
    articles: [article],
    after: ['You get this e-mail because you subscribed to new articles on these topics.', leaveLine(links.manage)],
  });
}

/** The week's new articles on a subscriber's topics, to those who chose the weekly digest. */
export function digestEmail(sender: Sender, articles: ArticleCard[], links: { manage: string }): Promise<Email> {
  const count = articles.length === 1 ? 'One new article' : `${articles.length} new articles`;
  return render(sender, {
    subject: `${count} this week on ${sender.siteName}`,
    paragraphs: [`${count} on your topics this week:`],
    articles,
    after: ['You get this e-mail because you subscribed to the weekly digest.', leaveLine(links.manage)],
  });
}
