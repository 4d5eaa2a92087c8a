import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useGlobal } from '@/features/site/api/get-global';
import { paths } from '@/lib/paths';
import { ContactLinks } from './ContactLinks';

interface SiteHeaderProps {
  /** The topic navigation. */
  nav: ReactNode;
  search: ReactNode;
  /** The Quick Enquiry button. */
  enquiry: ReactNode;
}

export function SiteHeader({ nav, search, enquiry }: SiteHeaderProps) {
  const { data: site, isPending } = useGlobal();

  return (
    <header className="site-header">
      <div className="topbar">
        <div className="container topbar__inner">
          <ContactLinks email={site?.contactEmail} phone={site?.contactPhone} />
        </div>
      </div>
      <div className="container masthead">
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
        {enquiry}
        <div className="masthead__search">{search}</div>
      </div>
      <div className="container">{nav}</div>
    </header>
  );
}
