/** " | ", " – ", " — " or " - " between a title and the name of its site. */
const TITLE_SEPARATOR = /\s[|–—-]\s/;

/**
 * The page's <title>: its own title, then the site's name. Titles written for the old blog often
 * end with the name already, whole or its first words ("… | Setu" for "Setu Medical Academy"):
 * those stand as written, so no page names the site twice.
 */
export function pageTitle(title: string | undefined, siteName: string | undefined): string {
  if (!title || !siteName) return title || siteName || '';
  const parts = title.split(TITLE_SEPARATOR);
  const last = parts.length > 1 ? parts.at(-1)!.trim().toLowerCase() : '';
  const name = siteName.trim().toLowerCase();
  const namesTheSite = last !== '' && (name === last || name.startsWith(`${last} `));
  return namesTheSite ? title : `${title} | ${siteName}`;
}
