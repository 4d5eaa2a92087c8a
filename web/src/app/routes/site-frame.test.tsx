import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { networkError, stubApi } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

describe('site frame', () => {
  it('shows the site name, tagline, contacts, topics and Quick Enquiry in the header', async () => {
    stubApi(cmsRoutes());
    renderApp('/');
    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('link', { name: 'MedPath Blog' })).toHaveAttribute('href', '/');
    expect(header).toHaveTextContent('Guidance for students and young doctors');
    expect(within(header).getByRole('link', { name: 'hello@medpath.example' })).toHaveAttribute(
      'href',
      'mailto:hello@medpath.example',
    );
    expect(within(header).getByRole('link', { name: '+91 98765 43210' })).toHaveAttribute('href', 'tel:+919876543210');
    expect(within(header).getByRole('button', { name: 'Quick Enquiry' })).toHaveAttribute('aria-haspopup', 'dialog');
    const topics = within(header).getByRole('navigation', { name: 'Topics' });
    expect(
      within(topics)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['All articles', 'Internships', 'Medical training', 'USMLE preparation']);
  });

  it('takes keyboard focus through the header in the order it shows: name, menu, search, contacts, Quick Enquiry, topics', async () => {
    stubApi(cmsRoutes());
    renderApp('/');
    const header = screen.getByRole('banner');
    await within(header).findByRole('link', { name: 'MedPath Blog' });
    const focusable = Array.from(header.querySelectorAll<HTMLElement>('a[href], button, input, summary'));
    expect(focusable.map((element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '')).toEqual(
      [
        'MedPath Blog',
        'Search and contacts',
        '', // the search box
        'Search',
        'hello@medpath.example',
        '+91 98765 43210',
        'Quick Enquiry',
        'All articles',
        'Internships',
        'Medical training',
        'USMLE preparation',
      ],
    );
  });

  it('folds the search and the contacts into a menu, closed again on the page a search leads to', async () => {
    stubApi(cmsRoutes());
    const { user, router } = renderApp('/');
    const header = screen.getByRole('banner');
    await within(header).findByRole('link', { name: 'MedPath Blog' });
    const menu = () => within(header).getByText('Search and contacts').closest('details')!;
    expect(menu()).toContainElement(within(header).getByRole('searchbox', { name: 'Search the blog' }));
    expect(menu()).toContainElement(within(header).getByRole('link', { name: '+91 98765 43210' }));

    await user.click(within(menu()).getByText('Search and contacts'));
    expect(menu().open).toBe(true);
    await user.type(within(header).getByRole('searchbox', { name: 'Search the blog' }), 'usmle{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    await screen.findByRole('heading', { level: 1, name: 'Results for “usmle”' });
    expect(menu().open).toBe(false);
  });

  it('shows contacts, social links and the footer text in the footer', async () => {
    stubApi(cmsRoutes());
    renderApp('/');
    const footer = screen.getByRole('contentinfo');
    const social = await within(footer).findByRole('region', { name: 'Visit us on social media' });
    expect(within(social).getByRole('link', { name: 'Instagram' })).toHaveAttribute(
      'href',
      'https://www.instagram.com/medpath',
    );
    expect(within(social).getByRole('link', { name: 'Facebook' })).toHaveAttribute(
      'href',
      'https://www.facebook.com/medpath',
    );
    expect(within(footer).getByRole('link', { name: 'hello@medpath.example' })).toBeInTheDocument();
    expect(footer).toHaveTextContent('MedPath helps medical students find training worldwide.');
  });

  it('offers a skip link to the content', async () => {
    stubApi(cmsRoutes());
    renderApp('/');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });

  it('shows the 404 page for an unknown address, inside the site frame, with a way to search', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();

    // On a phone the header's box is folded into the menu: the page leads to one where the reader is.
    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Search the articles' }));
    const search = await within(screen.getByRole('main')).findByRole('search', { name: 'Search the articles' });
    await user.type(within(search).getByRole('searchbox'), 'usmle{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “usmle”' })).toBeInTheDocument();
  });

  it('shows the contact e-mail and phone on the Quick Enquiry page', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/');
    await user.click(
      await within(screen.getByRole('contentinfo')).findByRole('link', { name: 'Send a Quick Enquiry' }),
    );
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 1, name: 'Quick Enquiry' })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'hello@medpath.example' })).toHaveAttribute(
      'href',
      'mailto:hello@medpath.example',
    );
    expect(within(main).getByRole('link', { name: '+91 98765 43210' })).toHaveAttribute('href', 'tel:+919876543210');
  });

  it('keeps the page usable when the site settings cannot be loaded', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/global': networkError });
    renderApp('/');
    expect(await screen.findByRole('region', { name: 'Featured' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
  });
});
