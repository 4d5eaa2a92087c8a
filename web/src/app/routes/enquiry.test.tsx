import { ENQUIRY_TOPIC_LABELS, ENQUIRY_TOPICS } from '@medblog/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  networkError,
  pending,
  rateLimited,
  strapiError,
  stubApi,
  validationError,
  type StubReply,
  type StubRequest,
} from '@/testing/api-stub';
import { controlTime } from '@/testing/clock';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

const ARTICLE_PATH = '/articles/clinical-internship-guide';
const TITLE = 'Your first clinical internship: a practical guide';

type User = ReturnType<typeof renderApp>['user'];

const posts = (requests: StubRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.path === '/api/enquiries');
const sent = (request: StubRequest) => (request.body as { data: Record<string, unknown> }).data;

// (By name: on an article page Testing Library also counts the article's <header> as a banner.)
const headerButton = () => screen.getByRole('button', { name: 'Quick Enquiry' });

async function openDialog(user: User) {
  await user.click(headerButton());
  return screen.findByRole('dialog', { name: 'Quick Enquiry' });
}

async function fillEnquiry(user: User, form: HTMLElement, { consent = true } = {}) {
  await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ravi Kumar');
  await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), 'ravi@example.org');
  await user.type(within(form).getByRole('textbox', { name: 'Phone' }), '+91 98765 43210');
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Topic' }), 'Internships');
  await user.type(within(form).getByRole('textbox', { name: 'Message' }), 'Which months are free?');
  if (consent) await user.click(within(form).getByRole('checkbox', { name: /I agree/ }));
}

const send = (user: User, form: HTMLElement) => user.click(within(form).getByRole('button', { name: 'Send enquiry' }));

const CONFIRMATION =
  'Thank you, Ravi Kumar. We have received your enquiry about internships and will reply to ravi@example.org within 2 working days.';

describe('Quick Enquiry dialog', () => {
  it('opens from the header as a labelled modal dialog; Escape closes it and focus returns to the button', async () => {
    stubApi(cmsRoutes());
    // Modal (showModal): the browser then keeps focus in it and makes the page behind inert (see the e2e tests).
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    onTestFinished(() => showModal.mockRestore());
    const { user } = renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: TITLE });
    expect(headerButton()).toHaveAttribute('aria-haspopup', 'dialog');

    const dialog = await openDialog(user);
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAttribute('open');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(headerButton()).toHaveFocus();

    // Its Close button too.
    await user.click(headerButton());
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Quick Enquiry' })).getByRole('button', { name: 'Close' }),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(headerButton()).toHaveFocus();
  });

  it('offers every topic with its label, “General question” first, and hints at the phone format', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    const topic = within(dialog).getByRole('combobox', { name: 'Topic' });
    expect(topic).toHaveDisplayValue('General question');
    expect(
      within(topic)
        .getAllByRole('option')
        .map((option) => [option.getAttribute('value'), option.textContent]),
    ).toEqual(ENQUIRY_TOPICS.map((value) => [value, ENQUIRY_TOPIC_LABELS[value]]));
    expect(within(dialog).getByRole('textbox', { name: 'Phone' })).toHaveAccessibleDescription(
      'International format, e.g. +91 98765 43210',
    );
    expect(within(dialog).getByRole('link', { name: 'privacy notice' })).toHaveAttribute('href', '/privacy');
  });

  it('sends the enquiry with the page it was opened from, and says what happens next', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const clock = controlTime();
    const { user } = renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: TITLE });
    clock.pass(120_000); // reading the article first: not part of filling in the form

    const dialog = await openDialog(user);
    await fillEnquiry(user, dialog);
    clock.pass(15_000);
    await send(user, dialog);

    const confirmation = await within(dialog).findByRole('status');
    expect(confirmation).toHaveTextContent(CONFIRMATION);
    expect(confirmation).toHaveFocus();
    expect(posts(requests)).toHaveLength(1);
    const data = sent(posts(requests)[0]);
    expect(data).toMatchObject({
      name: 'Ravi Kumar',
      email: 'ravi@example.org',
      phone: '+91 98765 43210',
      topic: 'internships',
      message: 'Which months are free?',
      consent: true,
      sourcePath: ARTICLE_PATH,
      website: '',
    });
    // Timed from when the dialog was shown, not from when the page loaded.
    expect(data.elapsedMs).toBeGreaterThanOrEqual(15_000);
    expect(data.elapsedMs).toBeLessThan(120_000);
    expect(state.enquiries).toEqual([
      expect.objectContaining({ name: 'Ravi Kumar', sourcePath: ARTICLE_PATH, handlingStatus: 'new' }),
    ]);

    // Closed and opened again, it starts afresh.
    await user.keyboard('{Escape}');
    const again = await openDialog(user);
    expect(within(again).getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(sessionStorage.length).toBe(0);
  });

  it('checks the form before sending: errors beside their fields, focus on the first, nothing sent', async () => {
    const requests = stubApi(cmsRoutes());
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    await send(user, dialog);

    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Name is required');
    expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription('E-mail is required');
    expect(within(dialog).getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription('Message is required');
    expect(within(dialog).getByRole('checkbox', { name: /I agree/ })).toHaveAccessibleDescription(
      'Consent is required to send an enquiry',
    );

    await user.type(name, 'Ravi');
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'ravi@example.org');
    await user.type(within(dialog).getByRole('textbox', { name: 'Phone' }), 'call me');
    await user.type(within(dialog).getByRole('textbox', { name: 'Message' }), 'Hello');
    await send(user, dialog);
    const phone = within(dialog).getByRole('textbox', { name: 'Phone' });
    await waitFor(() => expect(phone).toHaveFocus());
    expect(phone).toHaveAccessibleDescription(
      'International format, e.g. +91 98765 43210 Phone must be a phone number such as +91 98765 43210',
    );
    expect(within(dialog).getByRole('checkbox', { name: /I agree/ })).toHaveAttribute('aria-invalid', 'true');
    expect(posts(requests)).toHaveLength(0);
  });

  it('shows the server’s field errors beside their fields', async () => {
    stubApi({
      ...cmsRoutes(),
      'POST /api/enquiries': () =>
        validationError([{ path: ['email'], message: 'E-mail must be a valid e-mail address' }]),
    });
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    await fillEnquiry(user, dialog);
    await send(user, dialog);
    const email = within(dialog).getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAccessibleDescription('E-mail must be a valid e-mail address');
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-invalid');
  });

  it('keeps everything typed when sending fails (offline, server error, too many), then sends it', async () => {
    const failures: StubReply[] = [networkError(), strapiError(503, 'Service Unavailable'), rateLimited(3000)];
    const state = fakeCmsState();
    const cms = cmsRoutes(state);
    const requests = stubApi({
      ...cms,
      'POST /api/enquiries': (request) => failures.shift() ?? cms['POST /api/enquiries'](request),
    });
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    await fillEnquiry(user, dialog);

    const expectKept = () => {
      expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Ravi Kumar');
      expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).toHaveValue('ravi@example.org');
      expect(within(dialog).getByRole('textbox', { name: 'Phone' })).toHaveValue('+91 98765 43210');
      expect(within(dialog).getByRole('combobox', { name: 'Topic' })).toHaveDisplayValue('Internships');
      expect(within(dialog).getByRole('textbox', { name: 'Message' })).toHaveValue('Which months are free?');
      expect(within(dialog).getByRole('checkbox', { name: /I agree/ })).toBeChecked();
      expect(within(dialog).getByRole('button', { name: 'Send enquiry' })).toBeEnabled();
    };

    await send(user, dialog);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'We couldn’t reach our server, so your enquiry was not sent.',
    );
    expectKept();
    await send(user, dialog);
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('Something went wrong on our side'),
    );
    expectKept();
    await send(user, dialog);
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'Too many submissions from your connection. Please try again in 50 minute(s).',
      ),
    );
    expectKept();

    await send(user, dialog);
    expect(await within(dialog).findByRole('status')).toHaveTextContent(CONFIRMATION);
    expect(posts(requests)).toHaveLength(4);
    expect(state.enquiries).toHaveLength(1);
  });

  it('disables the button while sending', async () => {
    stubApi({ ...cmsRoutes(), 'POST /api/enquiries': pending });
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    await fillEnquiry(user, dialog);
    await send(user, dialog);
    expect(await within(dialog).findByRole('button', { name: 'Sending…' })).toBeDisabled();
  });

  it('keeps a draft when the dialog is closed by accident, across pages and a reload, until the enquiry is sent', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp(ARTICLE_PATH);
    let dialog = await openDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Ravi Kumar');
    await user.type(within(dialog).getByRole('textbox', { name: 'Message' }), 'Half a question');
    await user.keyboard('{Escape}');

    // Following the privacy link closes the dialog and shows the notice.
    dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('link', { name: 'privacy notice' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy notice' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    cleanup(); // a reload
    const { user: again } = renderApp('/');
    dialog = await openDialog(again);
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Ravi Kumar');
    expect(within(dialog).getByRole('textbox', { name: 'Message' })).toHaveValue('Half a question');

    await again.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'ravi@example.org');
    await again.click(within(dialog).getByRole('checkbox', { name: /I agree/ }));
    await send(again, dialog);
    await within(dialog).findByRole('status');
    expect(sessionStorage.getItem('medblog:enquiry-draft')).toBeNull();
  });

  it('has a honeypot hidden from people and assistive technology', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/');
    const dialog = await openDialog(user);
    const honeypot = dialog.querySelector('input[name="website"]')!;
    expect(honeypot).toHaveAttribute('tabindex', '-1');
    expect(honeypot).toHaveAttribute('autocomplete', 'off');
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(within(dialog).queryByRole('textbox', { name: 'Leave this empty' })).not.toBeInTheDocument();
  });
});

describe('Quick Enquiry page', () => {
  const referrer = Object.getOwnPropertyDescriptor(Document.prototype, 'referrer')!;
  const setReferrer = (value: string) => Object.defineProperty(document, 'referrer', { value, configurable: true });
  afterEach(() => {
    Reflect.deleteProperty(document, 'referrer');
    Object.defineProperty(Document.prototype, 'referrer', referrer);
  });

  it('is reached from the footer, keeps the contacts, and sends the page the reader came from', async () => {
    const requests = stubApi(cmsRoutes());
    const { user } = renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: TITLE });
    await user.click(screen.getByRole('link', { name: 'Send a Quick Enquiry' }));

    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 1, name: 'Quick Enquiry' })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'hello@medpath.example' })).toHaveAttribute(
      'href',
      'mailto:hello@medpath.example',
    );
    expect(within(main).getByRole('link', { name: '+91 98765 43210' })).toHaveAttribute('href', 'tel:+919876543210');
    // The header's button leads to the form on this page rather than opening a second one.
    expect(screen.getByRole('link', { name: 'Quick Enquiry' })).toHaveAttribute('href', '#enquiry-form');

    const form = within(main).getByRole('form', { name: 'Quick Enquiry' });
    expect(form).toHaveAttribute('id', 'enquiry-form');
    await fillEnquiry(user, form);
    await send(user, form);
    expect(await within(main).findByRole('status')).toHaveTextContent(CONFIRMATION);
    expect(sent(posts(requests)[0]).sourcePath).toBe(ARTICLE_PATH);
  });

  it('takes the source page from the referrer when loaded from this site, else names itself', async () => {
    const requests = stubApi(cmsRoutes());
    setReferrer(`${window.location.origin}/search?q=usmle`);
    let { user } = renderApp('/enquiry');
    let form = await screen.findByRole('form', { name: 'Quick Enquiry' });
    await fillEnquiry(user, form);
    await send(user, form);
    await screen.findByRole('status');
    expect(sent(posts(requests)[0]).sourcePath).toBe('/search?q=usmle');

    cleanup();
    setReferrer('https://www.google.com/search?q=medpath');
    ({ user } = renderApp('/enquiry'));
    form = await screen.findByRole('form', { name: 'Quick Enquiry' });
    await fillEnquiry(user, form);
    await send(user, form);
    await screen.findByRole('status');
    expect(sent(posts(requests)[1]).sourcePath).toBe('/enquiry');
  });
});

describe('privacy notice', () => {
  it('says what the enquiry form stores, why, and how to have it deleted', async () => {
    stubApi(cmsRoutes());
    renderApp('/privacy');
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 1, name: 'Privacy notice' })).toBeInTheDocument();
    for (const kept of [
      'your name and e-mail address',
      'your phone number',
      'your message',
      'a scrambled (hashed) form of your internet address',
    ]) {
      expect(main).toHaveTextContent(kept);
    }
    expect(main).toHaveTextContent('only to answer your enquiry');
    expect(within(main).getByRole('link', { name: 'hello@medpath.example' })).toHaveAttribute(
      'href',
      'mailto:hello@medpath.example',
    );
    await waitFor(() => expect(document.title).toBe('Privacy notice | MedPath Blog'));
  });
});
