// The reader's side of e-mail subscriptions in the browser: the subscribe form (checked with the
// shared schema before sending), and the confirm and manage pages of a subscription's link.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi, type StubRequest } from '@/testing/api-stub';
import { controlTime } from '@/testing/clock';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { categories, SUBSCRIPTION_TOKENS } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const { good, gone, forged } = SUBSCRIPTION_TOKENS;
const calls = (requests: StubRequest[], method: string, path: string) =>
  requests.filter((request) => request.method === method && request.path === path);
const sent = (request: StubRequest) => (request.body as { data: Record<string, unknown> }).data;

describe('the subscribe form', () => {
  it('checks the address and the topics beside their fields, then asks the CMS and says to check the inbox', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const clock = controlTime();
    const { user } = renderApp('/subscribe');
    const form = await screen.findByRole('form', { name: 'New articles by e-mail' });
    const topics = within(form).getByRole('group', { name: 'Topics' });
    const boxes = within(topics).getAllByRole('checkbox');
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual(categories.map(() => true));
    expect(within(form).getByRole('radio', { name: /Each new article/ })).toBeChecked();

    // No address, and every topic unticked: both said beside their fields, the first focused.
    for (const box of boxes) await user.click(box);
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    const email = within(form).getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveAccessibleDescription(/E-mail/));
    expect(email).toHaveFocus();
    expect(within(topics).getByText('Choose at least one topic')).toBeInTheDocument();
    expect(boxes[0]).toHaveAccessibleDescription('Choose at least one topic');
    expect(calls(requests, 'POST', '/api/subscriptions')).toEqual([]);

    await user.type(email, 'student@example.org');
    await user.click(boxes[1]!);
    await user.click(within(form).getByRole('radio', { name: /weekly digest/ }));
    clock.pass(10_000);
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(/Check your inbox\. We have sent a link to student@example\.org/);
    expect(status).toHaveFocus();
    expect(state.subscribeRequests).toEqual([
      { email: 'student@example.org', topics: [categories[1]!.slug], frequency: 'weekly', automated: false },
    ]);
  });

  it('sends every topic (an empty list) when all stay ticked, as the article’s end offers it', async () => {
    const state = fakeCmsState();
    stubApi(cmsRoutes(state));
    const clock = controlTime();
    const { user } = renderApp('/articles/clinical-internship-guide');
    const form = await screen.findByRole('form', { name: 'New articles by e-mail' }, { timeout: 8000 });
    await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), 'intern@example.org');
    clock.pass(10_000);
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText(/Check your inbox/)).toBeInTheDocument();
    expect(state.subscribeRequests).toMatchObject([
      { email: 'intern@example.org', topics: [], frequency: 'each-article' },
    ]);
  });
});

describe('a subscription’s link', () => {
  it('confirm: nothing happens until the reader clicks; then it shows what they subscribed to and where to manage it', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const { user } = renderApp(`/subscribe/confirm?token=${good}`);
    const button = await screen.findByRole('button', { name: 'Confirm my subscription' });
    expect(calls(requests, 'POST', '/api/subscriptions/confirm')).toEqual([]);

    await user.click(button);
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(
      'Your subscription is confirmed. We will send each new article on every topic to reader@example.org.',
    );
    expect(within(done).getByRole('link', { name: /Change your topics/ })).toHaveAttribute(
      'href',
      `/subscribe/manage?token=${good}`,
    );
    expect(state.subscription?.confirmed).toBe(true);
  });

  it('confirm with a forged link says so plainly, with a link to subscribe again', async () => {
    stubApi(cmsRoutes(fakeCmsState()));
    const { user } = renderApp(`/subscribe/confirm?token=${forged}`);
    await user.click(await screen.findByRole('button', { name: 'Confirm my subscription' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/This link has expired or is not valid/);
    expect(within(alert).getByRole('link', { name: 'Subscribe again' })).toHaveAttribute('href', '/subscribe');
  });

  it('manage: changes the topics and how often, then leaves after asking again', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const { user } = renderApp(`/subscribe/manage?token=${good}`);
    const form = await screen.findByRole('form', { name: 'Your subscription' });
    expect(form).toHaveTextContent('reader@example.org gets each new article on every topic.');
    const topics = within(form).getByRole('group', { name: 'Topics' });
    await user.click(within(topics).getByRole('checkbox', { name: categories[0]!.name }));
    await user.click(within(form).getByRole('radio', { name: /weekly digest/ }));
    await user.click(within(form).getByRole('button', { name: 'Save my choices' }));
    await within(await screen.findByRole('form', { name: 'Your subscription' })).findByText('Your choices are saved.');
    const kept = categories.slice(1).map((category) => category.slug);
    expect(state.subscription).toMatchObject({ topics: kept, frequency: 'weekly' });
    expect(sent(calls(requests, 'PUT', '/api/subscriptions/manage')[0]!)).toEqual({
      token: good,
      topics: kept,
      frequency: 'weekly',
    });

    const leave = screen.getByRole('form', { name: 'Leave' });
    await user.click(within(leave).getByRole('button', { name: 'Unsubscribe' }));
    // Asked again, focus on the answer that leaves; nothing sent yet.
    const yes = within(leave).getByRole('button', { name: 'Yes, unsubscribe me' });
    await waitFor(() => expect(yes).toHaveFocus());
    expect(calls(requests, 'POST', '/api/subscriptions/leave')).toEqual([]);
    await user.click(yes);
    expect(await screen.findByRole('status')).toHaveTextContent(/You have left\. We will send you nothing more/);
    expect(state.subscription).toBeNull();
  });

  it('manage: a subscription that no longer exists is said plainly', async () => {
    stubApi(cmsRoutes(fakeCmsState()));
    renderApp(`/subscribe/manage?token=${gone}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(/This subscription no longer exists/);
  });

  it('manage: a forged link', async () => {
    stubApi(cmsRoutes(fakeCmsState()));
    renderApp(`/subscribe/manage?token=${forged}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/This link has expired or is not valid/);
    expect(within(alert).getByRole('link', { name: 'Subscribe again' })).toHaveAttribute('href', '/subscribe');
  });
});
