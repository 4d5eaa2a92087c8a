// What a reader's visit reports to the editors' figures (features/insight), as the fake CMS
// receives it from the beacon once the page is hidden.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { waitingInsight } from '@/features/insight/api/beacon';
import { stubApi } from '@/testing/api-stub';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { hidePage } from '@/testing/page-visibility';
import { renderApp } from '@/testing/render-app';

const ARTICLE_PATH = '/articles/clinical-internship-guide';
const ARTICLE_ID = 'article1docid';

async function openArticle() {
  const state = fakeCmsState();
  const requests = stubApi(cmsRoutes(state));
  const app = renderApp(ARTICLE_PATH);
  const question = await screen.findByRole('region', { name: 'Was this page helpful?' });
  return { ...app, state, requests, question };
}

const helpfulEvents = (state: ReturnType<typeof fakeCmsState>) =>
  state.insightEvents.filter((event) => event.type === 'helpful');

describe('"Was this page helpful?"', () => {
  it('comes after the article and before its comments', async () => {
    const { question } = await openArticle();
    const comments = await screen.findByRole('region', { name: 'Comments' });
    const article = screen.getByRole('article', { name: 'Your first clinical internship: a practical guide' });
    expect(article.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(question.compareDocumentPosition(comments) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('takes one answer, thanks the reader, then asks what was missing, with a counter, and sends the note', async () => {
    const { user, question, state } = await openArticle();
    await user.click(within(question).getByRole('button', { name: 'No' }));

    expect(within(question).getByRole('status')).toHaveTextContent('Thank you for your answer.');
    // One answer per page: the buttons are gone.
    expect(within(question).queryByRole('button', { name: 'Yes' })).not.toBeInTheDocument();
    const note = within(question).getByRole('textbox', { name: 'What was missing?' });
    expect(note).toHaveFocus();
    expect(note).toHaveAttribute('maxlength', '500');
    expect(note).toHaveAccessibleDescription(/0 of 500 characters/);
    await user.type(note, 'The fees in rupees');
    expect(note).toHaveAccessibleDescription(/18 of 500 characters/);
    await user.click(within(question).getByRole('button', { name: 'Send' }));

    const thanks = await within(question).findByText('Thank you: your note goes to our editors.');
    expect(thanks).toHaveFocus();
    expect(within(question).queryByRole('textbox')).not.toBeInTheDocument();
    hidePage();
    expect(helpfulEvents(state)).toEqual([
      { type: 'helpful', article: ARTICLE_ID, answer: 'no' },
      { type: 'helpful', article: ARTICLE_ID, answer: 'no', note: 'The fees in rupees' },
    ]);
  });

  it('refuses a note the editors would not get (HTML), keeps it, and sends only the answer', async () => {
    const { user, question, state } = await openArticle();
    await user.click(within(question).getByRole('button', { name: 'Yes' }));
    const note = within(question).getByRole('textbox', { name: 'What was missing?' });
    await user.type(note, 'See <b>this</b>');
    await user.click(within(question).getByRole('button', { name: 'Send' }));
    expect(await within(question).findByText('note must not contain HTML')).toBeInTheDocument();
    expect(note).toHaveValue('See <b>this</b>');
    expect(note).toHaveFocus();
    hidePage();
    expect(helpfulEvents(state)).toEqual([{ type: 'helpful', article: ARTICLE_ID, answer: 'yes' }]);
  });

  it('is answered by keyboard, and asks again on the next visit to the page', async () => {
    const { user, question, state, router } = await openArticle();
    within(question).getByRole('button', { name: 'Yes' }).focus();
    await user.keyboard('{Enter}');
    expect(within(question).getByRole('textbox', { name: 'What was missing?' })).toHaveFocus();

    await router.navigate('/');
    await screen.findByRole('region', { name: 'Featured' });
    await router.navigate(ARTICLE_PATH);
    const again = await screen.findByRole('region', { name: 'Was this page helpful?' });
    await user.click(within(again).getByRole('button', { name: 'No' }));
    hidePage();
    expect(helpfulEvents(state).map((event) => event.answer)).toEqual(['yes', 'no']);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});

describe('searches', () => {
  it('report a search that found nothing, once, with the query', async () => {
    const state = fakeCmsState();
    stubApi(cmsRoutes(state));
    renderApp('/search?q=dermatology');
    expect(await screen.findByText(/No articles match/)).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Browse by topic' });
    await waitFor(() => expect(waitingInsight()).toBe(2)); // the effects queueing the view and the search
    hidePage();
    expect(state.insightEvents).toEqual([
      { type: 'view', pageType: 'search', viewportWidth: 1024 },
      { type: 'search', query: 'dermatology', results: 0 },
    ]);
  });

  it('report nothing but the page view when articles were found', async () => {
    const state = fakeCmsState();
    stubApi(cmsRoutes(state));
    renderApp('/search?q=usmle');
    expect(await screen.findByText(/articles? found/)).toBeInTheDocument();
    await waitFor(() => expect(waitingInsight()).toBe(1)); // the effect queueing the view
    hidePage();
    expect(state.insightEvents).toEqual([{ type: 'view', pageType: 'search', viewportWidth: 1024 }]);
  });
});
