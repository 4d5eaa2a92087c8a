import { telHref } from '@/lib/format';

function MailIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 5h18v14H3z M3 6l9 7 9-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

function PhoneIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6.6 3h3l1.5 4.5-2.2 1.4a11 11 0 0 0 6.2 6.2l1.4-2.2L21 14.4v3A2.6 2.6 0 0 1 18.4 20 15.4 15.4 0 0 1 4 5.6 2.6 2.6 0 0 1 6.6 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The organisation's e-mail (mailto:) and phone (tel:), as set in the site settings. */
export function ContactLinks({ email, phone }: { email?: string | null; phone?: string | null }) {
  if (!email && !phone) return null;
  return (
    <ul className="contact-links">
      {email && (
        <li>
          <a href={`mailto:${email}`}>
            <MailIcon />
            {email}
          </a>
        </li>
      )}
      {phone && (
        <li>
          <a href={telHref(phone)}>
            <PhoneIcon />
            {phone}
          </a>
        </li>
      )}
    </ul>
  );
}
