import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { LinkUntilHydrated } from '@/components/form/LinkUntilHydrated';
import { paths } from '@/lib/paths';
import { ENQUIRY_FORM_ID } from '../api/enquiry-page';

// The dialog and its form download when the reader reaches for the button, not with every page.
// Should that fail, the same form is on its own page.
const loadDialog = () => import('./EnquiryDialog');
const EnquiryDialog = lazy(() => loadDialog().catch(() => ({ default: () => <Navigate to={paths.enquiry} /> })));
const prefetch = () => void loadDialog().catch(() => {});

/**
 * The header's "Quick Enquiry": opens the enquiry form in a dialog over the current page, and
 * gives focus back to the button when it closes. On the Quick Enquiry page it leads to the form there.
 */
export function QuickEnquiry() {
  const { pathname, search } = useLocation();
  const path = pathname + search;
  // The page it was opened from while open; the dialog stays mounted once opened, to keep what was typed.
  const [openFrom, setOpenFrom] = useState<string | null>(null);
  const [mounted, setMounted] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shownPath = useRef(path);

  // Following a link out of the dialog (the privacy notice) closes it; focus goes to the new page.
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    setOpenFrom(null);
  }, [path]);

  if (pathname === paths.enquiry) {
    return (
      <a href={`#${ENQUIRY_FORM_ID}`} className="button masthead__enquiry">
        Quick Enquiry
      </a>
    );
  }

  return (
    <>
      {/* Before the page's code runs, the link to the form's own page. */}
      <LinkUntilHydrated
        href={paths.enquiry}
        ref={buttonRef}
        className="button masthead__enquiry"
        aria-haspopup="dialog"
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => {
          setMounted(true);
          setOpenFrom(path);
        }}
      >
        Quick Enquiry
      </LinkUntilHydrated>
      {mounted && (
        <Suspense>
          <EnquiryDialog
            open={openFrom !== null}
            sourcePath={openFrom ?? path}
            onClose={() => {
              // Closed by the reader (not by leaving the page): back to the button.
              if (openFrom !== null && shownPath.current === path) buttonRef.current?.focus();
              setOpenFrom(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
