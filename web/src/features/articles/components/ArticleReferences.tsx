import type { Reference } from '@medblog/shared';
import { referenceLinks } from '@/features/articles/lib/references';

/** The sources an article relies on, numbered in the order the editor gave them. */
export function ArticleReferences({ references }: { references: Reference[] }) {
  if (!references.length) return null;
  return (
    <section className="references" aria-labelledby="references-title">
      <h2 id="references-title">References</h2>
      <ol>
        {references.map((reference, index) => (
          <li key={reference.id ?? index}>
            {reference.citation}
            {referenceLinks(reference).map(({ label, href }) => (
              <span key={href}>
                {' '}
                <a href={href} rel="noopener">
                  {label}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
