import type { ReactNode } from 'react';
import { paths } from '@/lib/paths';

/**
 * The whole HTML document, rendered by React on the server and hydrated in the browser, so each
 * page's <title>, meta tags and JSON-LD land in <head> (React 19 hoists them there). The server
 * adds the stylesheet and scripts of the build around it (src/server/render-page.tsx).
 */
export function Document({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5e63" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" type="application/rss+xml" title="All articles" href={paths.feed} />
      </head>
      <body>
        <div id="root">{children}</div>
      </body>
    </html>
  );
}
