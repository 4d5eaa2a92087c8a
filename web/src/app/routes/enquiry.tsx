import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ENQUIRY_FORM_ID } from '@/features/enquiry/api/enquiry-page';
import { referrerPath, type EnquiryLinkState } from '@/features/enquiry/api/source-path';
import { EnquiryForm } from '@/features/enquiry/components/EnquiryForm';
import { globalQueryOptions } from '@/features/site/api/get-global';
import { ContactLinks } from '@/features/site/components/ContactLinks';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

export default function EnquiryRoute() {
  const { data: site } = useSuspenseQuery(globalQueryOptions());
  const { state } = useLocation();
  // Where the reader came from: the page that linked here within the site, or the one this page was loaded from.
  const [sourcePath] = useState(() => (state as EnquiryLinkState | null)?.from ?? referrerPath() ?? paths.enquiry);

  return (
    <div className="container narrow">
      <PageHead
        title="Quick Enquiry"
        description={`Questions for ${site.siteName}? Write to us or call us.`}
        path={paths.enquiry}
      />
      <header className="page-header">
        <h1 id="enquiry-title">Quick Enquiry</h1>
        <p className="page-header__lede">
          Questions about training, internships or your next step? Send us a message and our team will get back to you.
        </p>
      </header>
      <EnquiryForm id={ENQUIRY_FORM_ID} sourcePath={sourcePath} labelledBy="enquiry-title" />
      {(site.contactEmail || site.contactPhone) && (
        <section className="enquiry-contacts" aria-labelledby="enquiry-contacts-title">
          <h2 id="enquiry-contacts-title">Prefer to write or call?</h2>
          <ContactLinks email={site.contactEmail} phone={site.contactPhone} />
        </section>
      )}
    </div>
  );
}
