import type { SocialPlatform } from '@medblog/shared';
import { Link, useLocation } from 'react-router-dom';
import { useGlobal } from '@/features/site/api/get-global';
import { paths } from '@/lib/paths';
import { ContactLinks } from './ContactLinks';

const PLATFORM_NAMES: Record<SocialPlatform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  x: 'X',
};

export function SiteFooter() {
  const { data: site } = useGlobal();
  const socialLinks = site?.socialLinks ?? [];
  const { pathname, search } = useLocation();

  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">Contact us</h2>
          <ContactLinks email={site?.contactEmail} phone={site?.contactPhone} />
          <p>
            {/* The page the reader is on goes with the enquiry, so staff know what they were reading. */}
            <Link to={paths.enquiry} state={{ from: pathname + search }}>
              Send a Quick Enquiry
            </Link>
          </p>
        </section>
        {socialLinks.length > 0 && (
          <section aria-labelledby="footer-social">
            <h2 id="footer-social">Visit us on social media</h2>
            <ul className="social-links">
              {socialLinks.map(({ platform, url }) => (
                <li key={`${platform}:${url}`}>
                  <a href={url} rel="noopener noreferrer">
                    {PLATFORM_NAMES[platform] ?? platform}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {site?.footerText && (
        <div className="container">
          <p className="site-footer__text">{site.footerText}</p>
        </div>
      )}
    </footer>
  );
}
