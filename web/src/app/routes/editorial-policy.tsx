import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { globalQueryOptions } from '@/features/site/api/get-global';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

/** How the articles are written, checked and kept up to date: what the trust block on each article stands on. */
export default function EditorialPolicyRoute() {
  const { data: site } = useSuspenseQuery(globalQueryOptions());

  return (
    <div className="container narrow">
      <PageHead
        title="Editorial policy"
        description={`How ${site.siteName} writes its articles, who checks them, and how they are kept up to date.`}
        path={paths.editorialPolicy}
      />
      <header className="page-header">
        <h1>Editorial policy</h1>
        <p className="page-header__lede">How our articles are written, checked and kept up to date.</p>
      </header>

      <h2>Who writes our articles</h2>
      <p>
        Each article is written by a member of our team whose name is shown under the title, with a link to a page about
        their training and work. We write from experience of teaching and mentoring medical students and young doctors.
      </p>

      <h2>How we check them</h2>
      <p>
        Before an article is published, a doctor on our team who did not write it reads it for accuracy. Their name and
        qualifications appear under the title as the reviewer, with the date of the review. We check facts against the
        sources listed at the end of the article: regulators, examination bodies and peer-reviewed research, linked so
        you can read them yourself.
      </p>

      <h2>Keeping articles up to date</h2>
      <p>
        Rules, exams and application processes change. Every article has a date for its next review, shown under the
        title; on that date a reviewer reads it again and we correct or withdraw what no longer holds.
      </p>

      <h2>Independence</h2>
      <p>
        Where we, the author or the reviewer have an interest a reader should know of, such as a paid course on the same
        subject, the article says so under the title.
      </p>

      <h2>What our articles are not</h2>
      <p>
        They are general guidance for education and career planning. They are not medical advice for any person, and
        they do not replace the rules of your college, your examination body or your regulator.
      </p>

      <h2>Corrections</h2>
      <p>
        If you find a mistake, please tell us through a <Link to={paths.enquiry}>Quick Enquiry</Link>. We read every
        message and correct errors promptly.
      </p>

      {/* The comment form links here. */}
      <h2 id="community-guidelines">Community guidelines for comments</h2>
      <p>
        Comments are for readers to share experience and ask about what an article covers. Every comment is read by a
        moderator before it appears.
      </p>
      <ul>
        <li>Be kind and keep to the topic of the article. Disagree with ideas, never attack people.</li>
        <li>
          Do not post personal medical details, yours or anyone else’s: no names of patients, test results or diagnoses.
          For advice about your own health, speak to your doctor.
        </li>
        <li>No advertising, links to unrelated sites, or copied text.</li>
        <li>
          Replies marked <strong>Staff</strong> or <strong>Author</strong> come from our team or from the article’s
          author; no one else can carry those marks.
        </li>
      </ul>
      <p>We do not publish comments that break these guidelines, and we close comments on older articles.</p>
    </div>
  );
}
