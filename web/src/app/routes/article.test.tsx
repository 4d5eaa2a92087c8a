import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, networkError, pending, strapiError, stubApi } from '@/testing/api-stub';
import { cmsRoutes, fakeCmsState } from '@/testing/fake-cms';
import { waitingInsight } from '@/features/insight/api/beacon';
import { hidePage } from '@/testing/page-visibility';
import { renderApp } from '@/testing/render-app';

const ARTICLE_PATH = '/articles/clinical-internship-guide';

const beacons = (requests: ReturnType<typeof stubApi>) => requests.filter((request) => request.path === '/api/insight');

describe('article page', () => {
  it('shows a skeleton while the article loads', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles': pending });
    renderApp(ARTICLE_PATH);
    expect(await screen.findByRole('status')).toHaveTextContent('Loading article…');
  });

  it('shows the article with its author, body, sharing, related and more articles', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);

    const article = await screen.findByRole('article', { name: 'Your first clinical internship: a practical guide' });
    expect(within(article).getByRole('link', { name: 'Internships' })).toHaveAttribute(
      'href',
      '/categories/internships',
    );
    expect(article).toHaveTextContent('Dr Asha Rao');
    expect(article).toHaveTextContent('Head of Clinical Training');
    expect(article).toHaveTextContent('8 March 2026');
    expect(article).toHaveTextContent('5 min read');
    expect(within(article).getByRole('heading', { level: 2, name: 'Before you apply' })).toBeInTheDocument();

    const readAlso = within(article).getByRole('region', { name: 'Read also' });
    expect(
      within(readAlso)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/articles/usmle-step-2-plan', '/articles/ward-rounds']);

    const share = within(article).getByRole('region', { name: 'Share on social media' });
    const pageUrl = encodeURIComponent('https://blog.test/articles/clinical-internship-guide');
    expect(within(share).getByRole('link', { name: /Share on Facebook/ })).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${pageUrl}`,
    );
    expect(
      within(share)
        .getByRole('link', { name: /Share on X/ })
        .getAttribute('href'),
    ).toContain(`url=${pageUrl}`);
    expect(
      within(share)
        .getByRole('link', { name: /Share on LinkedIn/ })
        .getAttribute('href'),
    ).toContain(pageUrl);
    expect(
      within(share)
        .getByRole('link', { name: /Share on WhatsApp/ })
        .getAttribute('href'),
    ).toContain(pageUrl);
    expect(within(share).getByRole('link', { name: 'Share by e-mail' }).getAttribute('href')).toMatch(
      /^mailto:\?subject=/,
    );

    expect(await screen.findByRole('region', { name: 'Comments' })).toHaveAttribute('id', 'comments');

    const more = await screen.findByRole('region', { name: 'More articles' });
    expect(within(more).getAllByRole('article')).toHaveLength(3);
    expect(within(more).queryByText('Your first clinical internship: a practical guide')).not.toBeInTheDocument();

    const popular = await screen.findByRole('region', { name: 'Popular posts' });
    expect(within(popular).getAllByRole('listitem')).toHaveLength(5);
  });

  it('describes itself to search engines and social networks', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' });

    await waitFor(() => expect(document.title).toBe('First internship guide | MedPath Blog'));
    const head = (selector: string) =>
      document.head.querySelector(selector)?.getAttribute('content') ??
      document.head.querySelector(selector)?.getAttribute('href');
    expect(head('meta[name="description"]')).toBe('What to pack, ask and expect.');
    expect(head('link[rel="canonical"]')).toBe('https://blog.test/articles/clinical-internship-guide');
    expect(head('meta[property="og:type"]')).toBe('article');
    expect(head('meta[property="og:image"]')).toBe('http://cms.test/uploads/cover-clinical-internship-guide.jpg');
    expect(head('meta[name="twitter:card"]')).toBe('summary_large_image');

    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: 'https://blog.test/articles/clinical-internship-guide',
      reviewedBy: {
        '@type': 'Person',
        name: 'Dr Vikram Shah',
        url: 'https://blog.test/authors/vikram-shah',
        honorificSuffix: 'MBBS, MD (General Medicine)',
      },
      lastReviewed: '2026-03-01',
      medicalAudience: { '@type': 'MedicalAudience', audienceType: 'Medical students' },
      mainEntity: {
        '@type': 'Article',
        headline: 'Your first clinical internship: a practical guide',
        datePublished: '2026-03-08T12:00:00.000Z',
        // Its last save (5 January) is older than its date: never modified before it was published.
        dateModified: '2026-03-08T12:00:00.000Z',
        author: { '@type': 'Person', name: 'Dr Asha Rao', url: 'https://blog.test/authors/asha-rao' },
        citation: [
          { '@type': 'CreativeWork', url: 'https://doi.org/10.3109/0142159X.2012.684916' },
          { '@type': 'CreativeWork', url: 'https://pubmed.ncbi.nlm.nih.gov/19811204/' },
          { '@type': 'CreativeWork', url: 'https://www.usmle.org/bulletin-information' },
        ],
      },
    });
    expect(jsonLd.mainEntity.citation[0].name).toMatch(/^Ramani S, Krackov SK/);
  });

  it('says who wrote and reviewed it and when, under the title', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    const trust = await screen.findByRole('region', { name: 'About this article' });
    // One line, closed, so the article's text reaches a phone's first screen; it opens onto the rest.
    const line = trust.querySelector('details:not([open]) > summary');
    expect(Array.from(line!.children, (part) => part.textContent)).toEqual([
      'Medically reviewed by Dr Vikram Shah',
      '1 March 2026',
      'Conflict of interest declared',
    ]);
    const entries = Object.fromEntries(
      within(trust)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(entries).toEqual({
      'Written by': 'Dr Asha Rao, MBBS, MD (Paediatrics)',
      'Medically reviewed by': 'Dr Vikram Shah, MBBS, MD (General Medicine)',
      'Last reviewed': '1 March 2026',
      'Next review due': '1 March 2027',
    });
    expect(within(trust).getByRole('link', { name: 'Dr Vikram Shah' })).toHaveAttribute('href', '/authors/vikram-shah');
    expect(within(trust).getByRole('link', { name: 'Dr Asha Rao' })).toHaveAttribute('href', '/authors/asha-rao');
    expect(trust).toHaveTextContent('Conflicts of interest: MedPath runs paid internship preparation courses.');
    // Before the article's text.
    const body = screen.getByText('Clinical rotations are where theory meets the bedside.');
    expect(trust.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('numbers its references and links each DOI, PubMed record and web page', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    const references = await screen.findByRole('region', { name: 'References' });
    const items = within(within(references).getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Ramani S, Krackov SK/),
      expect.stringMatching(/^Sandars J/),
      expect.stringMatching(/^USMLE Bulletin/),
    ]);
    const links = (item: HTMLElement) =>
      within(item)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links(items[0])).toEqual([
      ['DOI: 10.3109/0142159X.2012.684916', 'https://doi.org/10.3109/0142159X.2012.684916'],
      ['PubMed: 22730899', 'https://pubmed.ncbi.nlm.nih.gov/22730899/'],
    ]);
    expect(links(items[1])).toEqual([['PubMed: 19811204', 'https://pubmed.ncbi.nlm.nih.gov/19811204/']]);
    expect(links(items[2])).toEqual([['Read online', 'https://www.usmle.org/bulletin-information']]);
  });

  it('ends with the site’s disclaimer and a link to the editorial policy', async () => {
    stubApi(cmsRoutes());
    renderApp(ARTICLE_PATH);
    const disclaimer = await screen.findByRole('complementary', { name: 'Disclaimer' });
    await waitFor(() =>
      expect(disclaimer).toHaveTextContent('Our articles are for education only and are not medical advice.'),
    );
    expect(within(disclaimer).getByRole('link', { name: 'How we write and review our articles' })).toHaveAttribute(
      'href',
      '/editorial-policy',
    );
  });

  it('shows no trust block or references for an article without them', async () => {
    stubApi(cmsRoutes());
    renderApp('/articles/usmle-step-2-plan');
    await screen.findByRole('heading', { level: 1, name: 'A 12-week plan for USMLE Step 2 CK' });
    const trust = screen.getByRole('region', { name: 'About this article' });
    expect(
      within(trust)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Written by']);
    expect(screen.queryByRole('region', { name: 'References' })).not.toBeInTheDocument();
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).not.toHaveProperty('reviewedBy');
    expect(jsonLd.mainEntity).not.toHaveProperty('citation');
  });

  it('shows an imported post with the date it first appeared on the old blog, to readers and search engines', async () => {
    stubApi(cmsRoutes());
    renderApp('/articles/step-1-pass-fail');
    const article = await screen.findByRole('article', { name: 'Step 1 is pass/fail: what now?' });
    expect(within(article).getByText('26 January 2022')).toHaveAttribute('datetime', '2022-01-26T09:00:00.000Z');
    expect(article).not.toHaveTextContent('1 March 2026');
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd.mainEntity.datePublished).toBe('2022-01-26T09:00:00.000Z');
  });

  it('escapes "<" in its structured data, so a title cannot close the script', async () => {
    const cms = cmsRoutes();
    stubApi({
      ...cms,
      'GET /api/articles': async (request) => {
        const reply = (await cms['GET /api/articles'](request)) as {
          status: number;
          body: { data: Array<{ title: string }> };
        };
        for (const article of reply.body.data) article.title = '</script><script>alert(1)</script>';
        return reply;
      },
    });
    renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: '</script><script>alert(1)</script>' });
    const script = document.querySelector('script[type="application/ld+json"]')!;
    expect(script.innerHTML).not.toContain('</script>');
    expect(JSON.parse(script.textContent!).mainEntity.headline).toBe('</script><script>alert(1)</script>');
  });

  it('reports each page shown in one beacon when the page is hidden: the article with its documentId', async () => {
    const state = fakeCmsState();
    const requests = stubApi(cmsRoutes(state));
    const { router } = renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' });
    // Leaving and coming back: two more pages shown, each reported.
    await router.navigate('/');
    await screen.findByRole('region', { name: 'Featured' });
    await router.navigate(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' });
    expect(beacons(requests)).toHaveLength(0);

    // The page's view is queued by an effect, which may run just after the heading shows.
    await waitFor(() => expect(waitingInsight()).toBe(3));
    hidePage();
    expect(beacons(requests)).toHaveLength(1);
    expect(beacons(requests)[0]!.headers['content-type']).toMatch(/^text\/plain/);
    expect(state.insightEvents).toEqual([
      { type: 'view', pageType: 'article', article: 'article1docid', viewportWidth: 1024 },
      { type: 'view', pageType: 'home', viewportWidth: 1024 },
      { type: 'view', pageType: 'article', article: 'article1docid', viewportWidth: 1024 },
    ]);
    // No separate "view" call, and nothing kept in the browser.
    expect(requests.filter((request) => request.method === 'POST')).toEqual(beacons(requests));
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it('still shows the article when the beacon cannot be sent', async () => {
    stubApi(cmsRoutes());
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: () => {
        throw new TypeError('Refused');
      },
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp(ARTICLE_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' });
    await waitFor(() => expect(waitingInsight()).toBe(1)); // the effect queueing the page's view
    hidePage();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    fetchSpy.mockRestore();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('copies its link and confirms it', async () => {
    stubApi(cmsRoutes());
    const { user } = renderApp(ARTICLE_PATH);
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe('https://blog.test/articles/clinical-internship-guide');
    expect(screen.getByText('Link copied')).toBeInTheDocument();
  });

  it('shows the 404 page for a slug that matches no published article', async () => {
    stubApi(cmsRoutes());
    renderApp('/articles/no-such-article');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Page not found | MedPath Blog'));
    expect(document.head.querySelector('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  });

  it('keeps the article when "Popular posts" fail, and lets the reader retry them', async () => {
    let failing = true;
    const cms = cmsRoutes();
    stubApi({
      ...cms,
      'GET /api/articles/popular': (request) =>
        failing ? strapiError(503) : cms['GET /api/articles/popular'](request),
    });
    const { user } = renderApp(ARTICLE_PATH);

    const popular = await screen.findByRole('region', { name: 'Popular posts' });
    expect(await within(popular).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' }),
    ).toBeInTheDocument();

    failing = false;
    await user.click(within(popular).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(popular).getAllByRole('listitem')).toHaveLength(5));
  });

  it('shows the offline message when the CMS cannot be reached, and the article after retrying', async () => {
    let online = false;
    const cms = cmsRoutes();
    stubApi({
      ...cms,
      'GET /api/articles': (request) => (online ? cms['GET /api/articles'](request) : networkError()),
    });
    const { user } = renderApp(ARTICLE_PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We can’t reach the blog right now' }),
    ).toBeInTheDocument();
    online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your first clinical internship: a practical guide' }),
    ).toBeInTheDocument();
  });

  it('hides "Popular posts" while nothing has been read', async () => {
    stubApi({ ...cmsRoutes(), 'GET /api/articles/popular': () => json({ data: [] }) });
    renderApp(ARTICLE_PATH);
    await screen.findByRole('region', { name: 'More articles' });
    expect(screen.queryByRole('region', { name: 'Popular posts' })).not.toBeInTheDocument();
  });
});
