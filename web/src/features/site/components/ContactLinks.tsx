import { telHref } from '@/lib/format';
import { LineIcon } from './LineIcon';

const MAIL = 'M3 5h18v14H3z M3 6l9 7 9-7';
const PHONE =
  'M6.6 3h3l1.5 4.5-2.2 1.4a11 11 0 0 0 6.2 6.2l1.4-2.2L21 14.4v3A2.6 2.6 0 0 1 18.4 20 15.4 15.4 0 0 1 4 5.6 2.6 2.6 0 0 1 6.6 3z';

/** The organisation's e-mail (mailto:) and phone (tel:), as set in the site settings. */
export function ContactLinks({ email, phone }: { email?: string | null; phone?: string | null }) {
  if (!email && !phone) return null;
  return (
    <ul className="contact-links">
      {email && (
        <li>
          <a href={`mailto:${email}`}>
            <LineIcon path={MAIL} />
            {email}
          </a>
        </li>
      )}
      {phone && (
        <li>
          <a className="contact-links__phone" href={telHref(phone)}>
            <LineIcon path={PHONE} />
            {phone}
          </a>
        </li>
      )}
    </ul>
  );
}
