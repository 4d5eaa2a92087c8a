import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '@/testing/api-stub';
import { cmsRoutes } from '@/testing/fake-cms';
import { renderApp } from '@/testing/render-app';

describe('author page', () => {
  it('shows the author’s photo, credentials and bio, and their articles page by page', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/authors/asha-rao');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dr Asha Rao' })).toBeInTheDocument();
    expect(screen.getByText('MBBS, MD (Paediatrics), Head of Clinical Training')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Portrait of Dr Asha Rao' })).toHaveAttribute(
      'src',
      'http://cms.test/uploads/portrait-asha-rao.jpg',
    );
    const main = screen.getByRole('main');
    const titles = () =>
      within(main)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent);
    expect(titles()).toHaveLength(6);
    expect(titles()[0]).toBe('Your first clinical internship: a practical guide');
    await user.click(within(main).getByRole('button', { name: /Load more/ }));
    await waitFor(() => expect(titles()).toHaveLength(8));
  });

  it('describes the person to search engines', async () => {
    stubApi(cmsRoutes());
    renderApp('/authors/vikram-shah');
    await screen.findByRole('heading', { level: 1, name: 'Dr Vikram Shah' });
    await waitFor(() => expect(document.title).toBe('Dr Vikram Shah | MedPath Blog'));
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Dr Vikram Shah',
      url: 'https://blog.test/authors/vikram-shah',
      jobTitle: 'Consultant Physician',
      honorificSuffix: 'MBBS, MD (General Medicine)',
      description: 'Vikram checks our articles on clinical training.',
    });
    expect(screen.getByText('Dr Vikram Shah has not published an article yet.')).toBeInTheDocument();
  });

  it('is reached from an article’s byline and from a card', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp('/categories/internships');
    const card = (await screen.findAllByRole('article'))[0];
    expect(within(card).getByRole('link', { name: 'Dr Asha Rao' })).toHaveAttribute('href', '/authors/asha-rao');

    await user.click(within(card).getByRole('link', { name: 'Your first clinical internship: a practical guide' }));
    const article = await screen.findByRole('article', { name: 'Your first clinical internship: a practical guide' });
    // The byline's link, then the trust block's.
    const [byline] = within(article).getAllByRole('link', { name: 'Dr Asha Rao' });
    await user.click(byline);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dr Asha Rao' })).toBeInTheDocument();
  });

  it('shows the 404 page for an unknown author', async () => {
    stubApi(cmsRoutes());
    renderApp('/authors/nobody-here');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('editorial policy', () => {
  it('says how articles are written, reviewed and kept up to date', async () => {
    stubApi(cmsRoutes());
    renderApp('/editorial-policy');
    expect(await screen.findByRole('heading', { level: 1, name: 'Editorial policy' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'How we check them' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Editorial policy | MedPath Blog'));
  });
});
