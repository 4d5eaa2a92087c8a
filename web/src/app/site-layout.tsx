import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom';
import { CategoryNav } from '@/features/categories/components/CategoryNav';
import { QuickEnquiry } from '@/features/enquiry/components/QuickEnquiry';
import { usePageViews } from '@/features/insight/api/page-views';
import { SearchForm } from '@/features/search/components/SearchForm';
import { SiteFooter } from '@/features/site/components/SiteFooter';
import { SiteHeader } from '@/features/site/components/SiteHeader';

export function SiteLayout() {
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  // Each page shown, for the editors' figures (after the page's own report: an article's).
  usePageViews();

  // After moving to another page, start keyboard and screen-reader users at its content, as a full page load would.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader nav={<CategoryNav />} search={<SearchForm />} enquiry={<QuickEnquiry />} />
      {navigation.state === 'loading' && <div className="page-progress" role="progressbar" aria-label="Loading page" />}
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}
