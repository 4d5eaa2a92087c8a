import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { controlTime } from '@/testing/clock';
import { pending, rateLimited, stubApi, validationError, type StubReply, type StubRequest } from '@/testing/api-stub';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

const ARTICLE_PATH = '/articles/clinical-internship-guide';
const ARTICLE_ID = 'article1docid';
const TITLE = 'Your first clinical internship: a practical guide';

type CommentBody = { data: Record<string, unknown> };

const posts = (requests: StubRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.path === '/api/comments');
const sent = (request: StubRequest) => (request.body as CommentBody).data;

const commentsRegion = () => screen.findByRole('region', { name: 'Comments' });
/** The comments shown, in page order: author, nesting level (1 = a new thread) and text. */
async function shownComments() {
  const region = await commentsRegion();
  return within(region)
    .queryAllByRole('article')
    .map((comment) => {
      let level = 0;
      for (let node: HTMLElement | null = comment; node; node = node.parentElement)
        if (node.tagName === 'OL') level += 1;
      return { name: comment.getAttribute('aria-label'), level, text: comment.textContent };
    });
}

async function openArticle(path = ARTICLE_PATH) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1 });
  // The form arrives after the page (its code loads lazily).
  await screen.findByRole('form', { name: 'Leave a Reply' }).catch(() => undefined);
  return app;
}

async function fillComment(
  user: ReturnType<typeof renderApp>['user'],
  { name = 'Anita Desai', email = 'anita@example.org', body = 'Very useful, thank you.' } = {},
) {
  const form = await screen.findByRole('form', { name: 'Leave a Reply' });
  if (name) await user.type(within(form).getByRole('textbox', { name: 'Name' }), name);
  if (email) await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), email);
  if (body) await user.type(within(form).getByRole('textbox', { name: 'Comment' }), body);
  return form;
}

/**
 * A busy discussion: `count` more approved comments on the first article, a minute apart after the
 * fixtures' ones ("Reader 1" to "Reader <count>"); `parents` makes some of them replies.
 */
function busyDiscussion(count: number, parents: Record<number, string> = {}) {
  const state = fakeCmsState();
  for (let n = 1; n <= count; n += 1) {
    const createdAt = new Date(Date.UTC(2026, 2, 10, 9, n)).toISOString();
    state.comments.push({
      id: 1000 + n,
      documentId: `busy${n}docid`,
      article: ARTICLE_ID,
      parent: parents[n] ?? null,
      authorName: `Reader ${n}`,
      authorEmail: `reader${n}@example.org`,
      body: `Comment number ${n}.`,
      moderationStatus: 'approved',
      createdAt,
      updatedAt: createdAt,
      moderatedAt: createdAt,
      badge: null,
    });
  }
  return state;
}

const showMore = () => screen.findByRole('button', { name: 'Show more comments' });

describe('comments on an article', () => {
  it('shows the approved comments oldest first, replies under their parent, at most three levels deep', async () => {
    const requests = stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);

    await waitFor(async () => expect((await shownComments()).length).toBe(5));
    expect((await shownComments()).map(({ name, level }) => [name, level])).toEqual([
      ['Comment by Meera Iyer', 1],
      ['Comment by Rahul Verma', 2],
      ['Comment by Dr Asha Rao', 3],
      // A fourth level is shown at the third, saying whom it answers.
      ['Comment by Meera Iyer', 3],
      ['Comment by Sam Joseph', 1],
    ]);
    const comments = within(await commentsRegion()).getAllByRole('article');
    expect(comments[3]).toHaveTextContent('In reply to Dr Asha Rao');
    expect(comments[2]).not.toHaveTextContent('In reply to');
    const date = within(comments[0]).getByText('9 March 2026');
    expect(date.tagName).toBe('TIME');
    expect(date).toHaveAttribute('dateTime', '2026-03-09T08:00:00.000Z');
    // Only this article's comments, and only approved ones, are asked for.
    const query = requests.find((request) => request.path === '/api/comments')!.query as Record<string, unknown>;
    expect(query.filters).toEqual({ article: { documentId: { $eq: ARTICLE_ID } } });
    expect(query.sort).toEqual(['createdAt:asc', 'id:asc']);
    expect(query.populate).toEqual({ parent: { fields: ['documentId'] } });
  });

  it('shows every comment of a busy article, 50 at a time, with "Show more comments", and the full count near the title', async () => {
    // The fixtures' 5 comments and 120 more: three pages. Reader 110 answers Sam Joseph, on the first page.
    const requests = stubApi(cmsRoutes(busyDiscussion(120, { 110: 'comment5docid' })));
    const { user } = renderApp(ARTICLE_PATH);
    const header = (await screen.findByRole('heading', { level: 1, name: TITLE })).closest('header')!;
    expect(await within(header).findByRole('link', { name: '125 comments' })).toBeInTheDocument();

    await waitFor(async () => expect(await shownComments()).toHaveLength(50));
    expect((await shownComments()).at(-1)?.name).toBe('Comment by Reader 45');
    await user.click(await showMore());
    await waitFor(async () => expect(await shownComments()).toHaveLength(100));
    await user.click(await showMore());
    await waitFor(async () => expect(await shownComments()).toHaveLength(125));

    const shown = await shownComments();
    expect(shown.at(-1)?.name).toBe('Comment by Reader 120');
    expect(new Set(shown.map(({ text }) => text)).size).toBe(125);
    // A reply that came with a later page is threaded under its parent from an earlier one.
    const sam = shown.findIndex(({ name }) => name === 'Comment by Sam Joseph');
    expect(shown[sam + 1]).toMatchObject({ name: 'Comment by Reader 110', level: 2 });
    expect(screen.queryByRole('button', { name: 'Show more comments' })).not.toBeInTheDocument();
    expect(within(header).getByRole('link', { name: '125 comments' })).toBeInTheDocument();
    const pages = requests
      .filter((request) => request.path === '/api/comments')
      .map((request) => (request.query as Record<string, unknown>).pagination);
    expect(pages).toEqual([1, 2, 3].map((page) => ({ page: String(page), pageSize: '50' })));
    // 125 comments rendered three times over: more than the default 5 s on a busy machine.
  }, 20_000);

  it("shows the reader's own reply to a comment not loaded yet as a thread of its own, then under that comment", async () => {
    // Reader 60 is on the second page; after a reload only the first is shown.
    localStorage.setItem(
      `medblog:pending-comments:${ARTICLE_ID}`,
      JSON.stringify([
        {
          documentId: 'myreply1docid',
          authorName: 'Anita Desai',
          body: 'I agree with Reader 60.',
          createdAt: new Date().toISOString(),
          parent: 'busy60docid',
        },
      ]),
    );
    stubApi(cmsRoutes(busyDiscussion(70)));
    const { user } = renderApp(ARTICLE_PATH);

    await waitFor(async () => expect(await shownComments()).toHaveLength(51));
    expect((await shownComments()).at(-1)).toMatchObject({ name: 'Comment by Anita Desai', level: 1 });
    await user.click(await showMore());
    await waitFor(async () => expect(await shownComments()).toHaveLength(76));
    const shown = await shownComments();
    const parent = shown.findIndex(({ name }) => name === 'Comment by Reader 60');
    expect(shown[parent + 1]).toMatchObject({ name: 'Comment by Anita Desai', level: 2 });
    expect(shown.filter(({ name }) => name === 'Comment by Anita Desai')).toHaveLength(1);
  });

  it('shows a comment as plain text with its line breaks, never as HTML', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    const region = await commentsRegion();
    const comment = await within(region).findByRole('article', { name: 'Comment by Sam Joseph' });
    const body = within(comment).getByText(/is what I typed/);
    expect(body.textContent).toBe("<script>alert('hi')</script> is what I typed.\nSecond line.");
    expect(region.querySelector('script')).toBeNull();
  });

  it('shows the number of comments near the title, leading to them', async () => {
    stubApi(cmsRoutes());
    const { router } = renderApp(ARTICLE_PATH);
    const header = (await screen.findByRole('heading', { level: 1, name: TITLE })).closest('header')!;
    expect(await within(header).findByRole('link', { name: '5 comments' })).toHaveAttribute('href', '#comments');
    expect(screen.getByRole('region', { name: 'Comments' })).toHaveAttribute('id', 'comments');

    await router.navigate('/articles/usmle-step-2-plan');
    const otherHeader = (
      await screen.findByRole('heading', { level: 1, name: 'A 12-week plan for USMLE Step 2 CK' })
    ).closest('header')!;
    expect(await within(otherHeader).findByRole('link', { name: '1 comment' })).toHaveAttribute('href', '#comments');
  });

  it('says when comments are closed, and offers no form and no reply', async () => {
    stubApi(cmsRoutes());
    renderApp('/articles/ward-rounds');
    const region = await commentsRegion();
    expect(await within(region).findByText('Comments are closed for this article.')).toBeInTheDocument();
    expect(await within(region).findByRole('article', { name: 'Comment by Kiran Das' })).toBeInTheDocument();
    expect(within(region).queryByRole('form')).not.toBeInTheDocument();
    expect(within(region).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /Reply/ })).not.toBeInTheDocument();
  });

  it('posts a comment, says it awaits moderation, and shows it to its writer until it is approved', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const clock = controlTime();
    const { user } = await openArticle();
    const form = await fillComment(user, { body: 'Line one\nline two' });
    clock.pass(20_000); // a person takes a while to write
    expect(
      within(form).getByText('Your e-mail address will not be published. Required fields are marked *'),
    ).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));

    const status = await within(form).findByRole('status');
    expect(status).toHaveTextContent('Your comment is awaiting moderation');
    expect(status).toHaveFocus();
    expect(posts(requests)).toHaveLength(1);
    expect(sent(posts(requests)[0])).toMatchObject({
      article: ARTICLE_ID,
      authorName: 'Anita Desai',
      authorEmail: 'anita@example.org',
      body: 'Line one\nline two',
      website: '',
      elapsedMs: expect.any(Number),
    });
    expect(sent(posts(requests)[0]).elapsedMs).toBeGreaterThanOrEqual(20_000);
    expect(sent(posts(requests)[0])).not.toHaveProperty('parent');
    // Not mistaken for a bot: it is waiting for a moderator.
    // Not spam, for the real CMS too (cms/tests/fake-cms-contract.test.ts compares their verdicts).
    expect(state.comments.at(-1)).toMatchObject({ authorName: 'Anita Desai', moderationStatus: 'pending' });
    // The comment is cleared; name and e-mail stay for the next one.
    expect(within(form).getByRole('textbox', { name: 'Comment' })).toHaveValue('');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Anita Desai');

    const own = await within(await commentsRegion()).findByRole('article', { name: 'Comment by Anita Desai' });
    expect(own).toHaveTextContent('Awaiting moderation');
    expect(within(own).getByText(/Line one/).textContent).toBe('Line one\nline two');
    expect(within(own).queryByRole('button', { name: /Reply/ })).not.toBeInTheDocument();

    // After a reload, this browser still shows it, still pending.
    cleanup();
    renderApp(ARTICLE_PATH);
    const again = await within(await commentsRegion()).findByRole('article', { name: 'Comment by Anita Desai' });
    expect(again).toHaveTextContent('Awaiting moderation');

    // Another article does not show it.
    cleanup();
    renderApp('/articles/usmle-step-2-plan');
    await within(await commentsRegion()).findByRole('article', { name: 'Comment by Neha Gupta' });
    expect(screen.queryByRole('article', { name: 'Comment by Anita Desai' })).not.toBeInTheDocument();

    // Once approved, it is an ordinary comment, and the browser forgets its copy.
    state.comments.find((comment) => comment.authorName === 'Anita Desai')!.moderationStatus = 'approved';
    cleanup();
    renderApp(ARTICLE_PATH);
    const published = await within(await commentsRegion()).findByRole('article', { name: 'Comment by Anita Desai' });
    await waitFor(() => expect(published).not.toHaveTextContent('Awaiting moderation'));
    expect(within(published).getByRole('button', { name: 'Reply to Anita Desai' })).toBeInTheDocument();
    await waitFor(() => expect(localStorage.getItem(`medblog:pending-comments:${ARTICLE_ID}`)).toBeNull());
  });

  it('sends the key this browser keeps with each comment, making one with the first, and never as a cookie', async () => {
    const KEY_STORAGE = 'medblog:commenter-key';
    const requests = stubApi(cmsRoutes());
    const clock = controlTime();
    const postComment = async (body: string) => {
      const { user } = await openArticle();
      // Short answers: typing is what takes the time here.
      const form = await fillComment(user, { name: 'Ann', email: 'a@b.in', body });
      clock.pass(20_000);
      await user.click(within(form).getByRole('button', { name: 'Post comment' }));
      await within(form).findByRole('status');
      cleanup();
      return sent(posts(requests).at(-1)!).commenterKey as string | undefined;
    };

    // The first comment of this browser: a new key, 32 random bytes as base64url, kept for the next.
    expect(localStorage.getItem(KEY_STORAGE)).toBeNull();
    const first = await postComment('First.');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(localStorage.getItem(KEY_STORAGE)).toBe(first);
    expect(await postComment('Second.')).toBe(first);
    expect(document.cookie).toBe('');

    // Another browser (storage cleared) makes a key of its own; a damaged one is replaced.
    localStorage.clear();
    const other = await postComment('Other.');
    expect(other).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other).not.toBe(first);
    localStorage.setItem(KEY_STORAGE, 'not a key');
    const replaced = await postComment('Fixed.');
    expect(replaced).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(localStorage.getItem(KEY_STORAGE)).toBe(replaced);

    // Storage blocked: the comment still goes, without a key (it simply waits for a moderator).
    const blocked = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    onTestFinished(() => blocked.mockRestore());
    localStorage.removeItem(KEY_STORAGE);
    expect(await postComment('Blocked.')).toBeUndefined();
    expect(sent(posts(requests).at(-1)!)).not.toHaveProperty('commenterKey');
    // Only the comments carried it: no page or list request did.
    const withKey = requests.filter((request) => JSON.stringify(request).includes(first!));
    expect(withKey.every((request) => request.method === 'POST' && request.path === '/api/comments')).toBe(true);
    // Five comments typed and sent: more than the default 5 s on a busy machine.
  }, 30_000);

  it('shows its own pending comments in date order among the others, and forgets them after 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(new Date('2026-03-12T08:00:00.000Z'));
    const day = 24 * 60 * 60 * 1000;
    const entry = (documentId: string, authorName: string, age: number) => ({
      documentId,
      authorName,
      body: `Comment of ${authorName}`,
      createdAt: new Date(Date.now() - age).toISOString(),
      parent: null,
    });
    localStorage.setItem(
      `medblog:pending-comments:${ARTICLE_ID}`,
      JSON.stringify([entry('old1docid00', 'Old Reader', 31 * day), entry('new1docid00', 'New Reader', 2.5 * day)]),
    );
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    const region = await commentsRegion();
    expect(await within(region).findByRole('article', { name: 'Comment by New Reader' })).toHaveTextContent(
      'Awaiting moderation',
    );
    // Written on 9 March in the evening: after Meera's thread, before Sam's comment of 10 March.
    expect((await shownComments()).filter(({ level }) => level === 1).map(({ name }) => name)).toEqual([
      'Comment by Meera Iyer',
      'Comment by New Reader',
      'Comment by Sam Joseph',
    ]);
    expect(within(region).queryByRole('article', { name: 'Comment by Old Reader' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(localStorage.getItem(`medblog:pending-comments:${ARTICLE_ID}`)).not.toContain('Old Reader'),
    );
  });

  it('checks the comment before sending: errors beside their fields, focus on the first', async () => {
    const requests = stubApi(cmsRoutes());
    const { user } = await openArticle();
    const form = await screen.findByRole('form', { name: 'Leave a Reply' });
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));

    const name = within(form).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Name is required');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription('E-mail is required');
    expect(within(form).getByRole('textbox', { name: 'Comment' })).toHaveAccessibleDescription('Comment is required');

    await user.type(name, 'Anita');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), 'not-an-email');
    await user.type(within(form).getByRole('textbox', { name: 'Comment' }), 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    const email = within(form).getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAccessibleDescription('E-mail must be a valid e-mail address');
    expect(posts(requests)).toHaveLength(0);
  });

  it('shows the server’s errors beside the fields they concern, and keeps the text', async () => {
    const requests = stubApi({
      ...cmsRoutes(),
      'POST /api/comments': () =>
        validationError([{ path: ['body'], message: 'Comment must be at most 4000 characters' }]),
    });
    const { user } = await openArticle();
    const form = await fillComment(user);
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));

    const body = within(form).getByRole('textbox', { name: 'Comment' });
    await waitFor(() => expect(body).toHaveFocus());
    expect(body).toHaveAccessibleDescription('Comment must be at most 4000 characters');
    expect(body).toHaveValue('Very useful, thank you.');
    expect(within(form).getByRole('textbox', { name: 'E-mail' })).not.toHaveAttribute('aria-invalid');
    expect(posts(requests)).toHaveLength(1);
  });

  it('says so when the server refuses the comment for the article (comments closed meanwhile)', async () => {
    stubApi({
      ...cmsRoutes(),
      'POST /api/comments': () =>
        validationError([{ path: ['article'], message: 'Comments are closed on this article' }]),
    });
    const { user } = await openArticle();
    const form = await fillComment(user);
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Comments are closed on this article');
    expect(within(form).getByRole('textbox', { name: 'Comment' })).toHaveValue('Very useful, thank you.');
  });

  it('explains the limit of submissions (429) and keeps the text', async () => {
    // The CMS explains it; a proxy in front of it might only say when to come back.
    const replies: StubReply[] = [{ status: 429, headers: { 'retry-after': '540' } }, rateLimited(540)];
    stubApi({ ...cmsRoutes(), 'POST /api/comments': () => replies.shift()! });
    const { user } = await openArticle();
    const form = await fillComment(user);
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Too many submissions from your connection. Please try again in 9 minute(s).',
    );
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(replies).toHaveLength(0));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Too many submissions from your connection. Please try again in 9 minute(s).',
    );
    expect(within(form).getByRole('textbox', { name: 'Comment' })).toHaveValue('Very useful, thank you.');
    expect(within(form).getByRole('button', { name: 'Post comment' })).toBeEnabled();
    expect(screen.queryByRole('article', { name: 'Comment by Anita Desai' })).not.toBeInTheDocument();
  });

  it('disables the button while the comment is being sent', async () => {
    stubApi({ ...cmsRoutes(), 'POST /api/comments': pending });
    const { user } = await openArticle();
    const form = await fillComment(user);
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('button', { name: 'Sending…' })).toBeDisabled();
  });

  it('answers a comment: the form opens under it, says whom, can be cancelled, and sends the parent', async () => {
    const requests = stubApi(cmsRoutes());
    const { user } = await openArticle();
    const region = await commentsRegion();
    const replyButton = await within(region).findByRole('button', { name: 'Reply to Rahul Verma' });
    const answered = replyButton.closest('li')!;
    const form = () => screen.getByRole('form', { name: 'Leave a Reply' });
    // Before: the form for a new comment, after the comments.
    expect(answered).not.toContainElement(form());
    await user.click(replyButton);

    // Right under the comment answered, before its replies.
    expect(answered).toContainElement(form());
    expect(answered.firstElementChild?.nextElementSibling).toBe(form());
    const note = within(form()).getByText('Replying to', { exact: false });
    expect(note).toHaveTextContent('Replying to Rahul Verma');
    await waitFor(() => expect(note).toHaveFocus());
    await user.click(within(form()).getByRole('button', { name: 'Cancel reply' }));
    expect(answered).not.toContainElement(form());
    expect(within(form()).queryByText(/Replying to/)).not.toBeInTheDocument();
    expect(replyButton).toHaveFocus();

    await user.click(replyButton);
    await fillComment(user, { body: 'Yes, from the dean.' });
    await user.click(within(form()).getByRole('button', { name: 'Post comment' }));
    // The form goes back to the end, thanks the reader there, and keeps the name and e-mail.
    const thanks = await within(region).findByRole('status');
    expect(form()).toContainElement(thanks);
    await waitFor(() => expect(thanks).toHaveFocus());
    expect(answered).not.toContainElement(form());
    expect(within(form()).getByRole('textbox', { name: 'Name' })).toHaveValue('Anita Desai');
    expect(sent(posts(requests)[0])).toMatchObject({
      article: ARTICLE_ID,
      parent: 'comment2docid',
      body: 'Yes, from the dean.',
    });
    expect(within(form()).queryByText(/Replying to/)).not.toBeInTheDocument();

    // The reader's reply shows under the comment it answers.
    await waitFor(async () => expect(await shownComments()).toHaveLength(6));
    expect((await shownComments()).map(({ name, level }) => [name, level])).toEqual([
      ['Comment by Meera Iyer', 1],
      ['Comment by Rahul Verma', 2],
      ['Comment by Dr Asha Rao', 3],
      ['Comment by Meera Iyer', 3],
      ['Comment by Anita Desai', 3],
      ['Comment by Sam Joseph', 1],
    ]);
  });

  it('clears the thank-you note once the reader starts another comment or a reply', async () => {
    stubApi(cmsRoutes());
    const { user } = await openArticle();
    const form = await fillComment(user);
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(/Thank you/);

    await user.type(within(form).getByRole('textbox', { name: 'Comment' }), 'One more thing');
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(/Thank you/);
    await user.click(screen.getByRole('button', { name: 'Reply to Rahul Verma' }));
    expect(within(await commentsRegion()).queryByRole('status')).not.toBeInTheDocument();
  });

  it('marks a reply from staff or the article’s author with a word beside the name, which a reader’s name cannot give', async () => {
    const state = fakeCmsState();
    state.comments.push(
      { ...state.comments[0], id: 900, documentId: 'staff900docid', authorName: 'Priya Nair', badge: 'staff' },
      { ...state.comments[0], id: 901, documentId: 'author901docid', authorName: 'Dr Meera Iyer', badge: 'author' },
      { ...state.comments[0], id: 902, documentId: 'reader902docid', authorName: 'Staff', badge: null },
    );
    stubApi(cmsRoutes(state));
    renderApp(ARTICLE_PATH);
    const region = await commentsRegion();
    const staff = await within(region).findByRole('article', { name: 'Comment by Priya Nair' });
    expect(within(staff).getByText('Staff')).toHaveClass('comment__role');
    const author = within(region).getByRole('article', { name: 'Comment by Dr Meera Iyer' });
    expect(within(author).getByText('Author')).toHaveClass('comment__role');
    const reader = within(region).getByRole('article', { name: 'Comment by Staff' });
    expect(reader.querySelector('.comment__role')).toBeNull();
  });

  it('shows a comment’s blank lines as paragraphs, its text still escaped', async () => {
    const state = fakeCmsState();
    state.comments.push({
      ...state.comments[0],
      id: 903,
      documentId: 'paras903docid',
      authorName: 'Lena Thomas',
      body: 'First <b>point</b>.\n\n\nSecond point,\nsame paragraph.',
    });
    stubApi(cmsRoutes(state));
    renderApp(ARTICLE_PATH);
    const comment = await within(await commentsRegion()).findByRole('article', { name: 'Comment by Lena Thomas' });
    const paragraphs = [...comment.querySelectorAll('.comment__body p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['First <b>point</b>.', 'Second point,\nsame paragraph.']);
    expect(comment.querySelector('b')).toBeNull();
  });

  it('links the community guidelines under the form and asks for no personal medical details', async () => {
    stubApi(cmsRoutes());
    const { user, router } = await openArticle();
    const form = screen.getByRole('form', { name: 'Leave a Reply' });
    expect(form).toHaveTextContent(/do not post personal medical details/);
    await user.click(within(form).getByRole('link', { name: 'community guidelines' }));
    await screen.findByRole('heading', { level: 2, name: 'Community guidelines for comments' });
    expect(router.state.location).toMatchObject({ pathname: '/editorial-policy', hash: '#community-guidelines' });
    expect(document.getElementById('community-guidelines')).toHaveTextContent('Community guidelines');
  });

  it('offers "Show more comments" only when there are more', async () => {
    stubApi(cmsRoutes());
    await openArticle();
    await within(await commentsRegion()).findByRole('article', { name: 'Comment by Sam Joseph' });
    expect(screen.queryByRole('button', { name: 'Show more comments' })).not.toBeInTheDocument();
  });

  it('closes comments at the time the CMS gives: before, the form; after, a note, the comments still shown', async () => {
    const state = fakeCmsState();
    // A copy: the fixtures' articles are shared by every test.
    const closingAt = (time: number) => {
      state.articles[0] = { ...state.articles[0], commentsCloseAt: new Date(time).toISOString() };
    };
    closingAt(Date.now() + 60_000);
    stubApi(cmsRoutes(state));
    await openArticle();
    expect(within(await commentsRegion()).getByRole('form', { name: 'Leave a Reply' })).toBeInTheDocument();

    cleanup();
    closingAt(Date.now() - 1000);
    renderApp(ARTICLE_PATH);
    const region = await commentsRegion();
    expect(await within(region).findByText('Comments are closed for this article.')).toBeInTheDocument();
    expect(await within(region).findByRole('article', { name: 'Comment by Sam Joseph' })).toBeInTheDocument();
    expect(within(region).queryByRole('form')).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /Reply/ })).not.toBeInTheDocument();
  });

  it('has a honeypot that people and assistive technology never meet, and a bot that fills it is filed as spam', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const { user } = await openArticle();
    const form = await screen.findByRole('form', { name: 'Leave a Reply' });

    const honeypot = form.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(honeypot).toBeInTheDocument();
    expect(honeypot).toHaveAttribute('tabindex', '-1');
    expect(honeypot).toHaveAttribute('autocomplete', 'off');
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(within(form).queryByRole('textbox', { name: 'Leave this empty' })).not.toBeInTheDocument();
    // Tabbing through the form never lands on it.
    within(form).getByRole('textbox', { name: 'Name' }).focus();
    for (let step = 0; step < 4; step += 1) {
      await user.tab();
      expect(honeypot).not.toHaveFocus();
    }

    const clock = controlTime();
    await user.type(honeypot, 'https://spam.example');
    await fillComment(user);
    clock.pass(20_000); // slow enough for a person: only the honeypot gives the bot away
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Your comment is awaiting moderation');
    expect(sent(posts(requests)[0]).website).toBe('https://spam.example');
    // Filed as the real CMS files it: cms/tests/fake-cms-contract.test.ts sends this very request
    // (fake-cms-requests.jsonl) to both and compares their verdicts.
    expect(state.comments.at(-1)).toMatchObject({ authorName: 'Anita Desai', moderationStatus: 'spam' });
  });
});
