import type { KeyboardEvent, ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useGlobal } from '@/features/site/api/get-global';
import { paths } from '@/lib/paths';
import { ContactLinks } from './ContactLinks';
import { LineIcon } from './LineIcon';

interface SiteHeaderProps {
  /** The topic navigation. */
  nav: ReactNode;
  search: ReactNode;
  /** The Quick Enquiry button. */
  enquiry: ReactNode;
}

/**
 * Name, search, contacts, Quick Enquiry and the topics, in reading order (the tab order is the
 * visual order). On a phone the search and the contacts fold into a menu: a <details>, so it opens
 * before the page's code has loaded; from 52em on the stylesheet shows them in the row instead.
 */
/** Escape closes the open menu and puts the focus back on its button, as in any menu. */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  const menu = event.currentTarget;
  if (event.key !== 'Escape' || !menu.open) return;
  menu.open = false;
  menu.querySelector('summary')?.focus();
}

export function SiteHeader({ nav, search, enquiry }: SiteHeaderProps) {
  const { data: site, isPending } = useGlobal();
  // A search or a followed link leads to another page: the menu starts closed there.
  const { key: pageKey } = useLocation();

  return (
    <header className="site-header">
      <div className="container masthead">
        <div className="masthead__brand">
          <Link to={paths.home} className="masthead__name">
            {site?.siteName ??
              (isPending ? (
                <>
                  <span className="skeleton skeleton--brand" aria-hidden="true" />
                  <span className="visually-hidden">Home</span>
                </>
              ) : (
                'Home'
              ))}
          </Link>
          {site?.tagline && <p className="masthead__tagline">{site.tagline}</p>}
          {/* Holds the tagline's place so the page does not jump down when it arrives. */}
          {isPending && <span className="masthead__tagline skeleton skeleton--tagline" aria-hidden="true" />}
        </div>
        <details key={pageKey} className="header-menu" onKeyDown={closeOnEscape}>
          <summary className="header-menu__toggle">
            <LineIcon path="M4 7h16M4 12h16M4 17h16" className="header-menu__icon" />
            <LineIcon path="M6 6l12 12M18 6L6 18" className="header-menu__icon header-menu__icon--close" />
            <span className="visually-hidden">Search and contacts</span>
          </summary>
          <div className="header-menu__panel">
            <div className="masthead__search">{search}</div>
            <ContactLinks email={site?.contactEmail} phone={site?.contactPhone} />
          </div>
        </details>
        {enquiry}
      </div>
      <div className="container">{nav}</div>
    </header>
  );
}
