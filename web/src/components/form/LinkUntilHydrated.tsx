import type { ButtonHTMLAttributes, Ref } from 'react';
import { useHydrated } from '@/lib/use-hydrated';

type LinkUntilHydratedProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The page that does without script what the button does with it. */
  href: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * A button of a reader's form (Reply, Cancel reply, Quick Enquiry) that works before the page's
 * code runs: until then a link to a page doing the same on the server, then the button.
 */
export function LinkUntilHydrated({ href, ...button }: LinkUntilHydratedProps) {
  const hydrated = useHydrated();
  if (hydrated) return <button type="button" {...button} />;
  return (
    <a href={href} id={button.id} className={button.className} aria-label={button['aria-label']}>
      {button.children}
    </a>
  );
}
