/**
 * The page's only script tag. The server sends every page complete, so the app's code (which
 * makes the page interactive) is fetched after the first paint: on a slow connection the text and
 * the stylesheet arrive first, and the reader can read while the code loads.
 */
const start = () => {
  // The page's own modules, named by the server, load alongside the app's code.
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="page-module"]')) {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: meta.content });
    document.head.append(link);
  }
  void import('./entry-client');
};

requestAnimationFrame(() => setTimeout(start, 0));
