import type { Reference } from '@medblog/shared';

/** The addresses a reference can be read at: its DOI, its PubMed record, its web page. */
export function referenceLinks({ doi, pmid, url }: Reference): Array<{ label: string; href: string }> {
  return [
    ...(doi
      ? [{ label: `DOI: ${doi}`, href: `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}` }]
      : []),
    ...(pmid ? [{ label: `PubMed: ${pmid}`, href: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` }] : []),
    ...(url ? [{ label: 'Read online', href: url }] : []),
  ];
}
