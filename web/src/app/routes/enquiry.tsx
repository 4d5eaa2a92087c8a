import { useSuspenseQuery } from '@tanstack/react-query';
import { globalQueryOptions } from '@/features/site/api/get-global';
import { ContactLinks } from '@/features/site/components/ContactLinks';
import { PageHead } from '@/features/site/components/PageHead';

export default function EnquiryRoute() {
  const { data: site } = useSuspenseQuery(globalQueryOptions());

  return (
    <div className="container narrow">
      <PageHead title="Quick Enquiry" description={`Questions for ${site.siteName}? Write to us or call us.`} path="/enquiry" />
      <header className="page-header">
        <h1>Quick Enquiry</h1>
        <p className="page-header__lede">
          Questions about training, internships or your next step? Write to us or call us, and our team will get back to you.
        </p>
      </header>
      <ContactLinks email={site.contactEmail} phone={site.contactPhone} />
    </div>
  );
}
