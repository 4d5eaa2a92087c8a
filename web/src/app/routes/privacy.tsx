import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { globalQueryOptions } from '@/features/site/api/get-global';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

/** What the Quick Enquiry and comment forms keep about a reader, and how to have it deleted. */
export default function PrivacyRoute() {
  const { data: site } = useSuspenseQuery(globalQueryOptions());
  const email = site.contactEmail;

  return (
    <div className="container narrow privacy">
      <PageHead
        title="Privacy notice"
        description={`What ${site.siteName} keeps when you send an enquiry or a comment, and how to have it deleted.`}
        path="/privacy"
      />
      <header className="page-header">
        <h1>Privacy notice</h1>
        <p className="page-header__lede">
          In plain words: what we keep when you write to us, why, and how to have it deleted.
        </p>
      </header>

      <h2>When you send a Quick Enquiry</h2>
      <p>We store what you give us in the form:</p>
      <ul>
        <li>your name and e-mail address;</li>
        <li>your phone number, if you give one;</li>
        <li>the topic and your message;</li>
        <li>the page of this site you wrote from.</li>
      </ul>
      <p>
        We also store a scrambled (hashed) form of your internet address. We cannot read your address from it; it only
        lets us notice when one connection sends a flood of messages.
      </p>
      <p>
        We use all this only to answer your enquiry. Our staff read it and reply by e-mail (or phone, if you asked). We
        do not sell it, share it with advertisers or add you to a mailing list.
      </p>

      <h2>When you leave a comment</h2>
      <p>
        We store your name, e-mail address and comment, and the same hashed internet address. Your name and comment are
        shown under the article once a moderator approves them; your e-mail address is never published.
      </p>

      <h2>In your browser</h2>
      <p>
        While you type an enquiry, this browser tab keeps a draft so that nothing is lost if the form closes by
        accident. The draft is deleted when your enquiry is sent or when you close the tab. After you leave a comment,
        this browser remembers it for up to 30 days so you can see it while it awaits moderation. Nothing of this is
        sent anywhere else.
      </p>

      <h2>Having your details deleted</h2>
      <p>
        You can ask us at any time to see or delete what we hold about you.{' '}
        {email ? (
          <>
            Write to <a href={`mailto:${email}`}>{email}</a> from the e-mail address you used, and tell us which enquiry
            or comment it is about.
          </>
        ) : (
          <>
            Send us a <Link to={paths.enquiry}>Quick Enquiry</Link> from the e-mail address you used, and tell us which
            enquiry or comment it is about.
          </>
        )}{' '}
        We will delete it and confirm by e-mail.
      </p>
    </div>
  );
}
