/**
 * Tells a bot's form submission (a comment's, an enquiry's) from a person's without bothering the
 * person: a hidden field only bots fill, and a form sent faster than a person types.
 */
export interface BotCheck {
  website?: string;
  elapsedMs?: number;
}

/** Why a form submission looks automated, or null. */
export function botReason(check: BotCheck, minimumFillSeconds: number): string | null {
  if (check.website?.trim()) return 'honeypot field filled';
  if (check.elapsedMs !== undefined && check.elapsedMs < minimumFillSeconds * 1000) return 'form filled too fast';
  return null;
}
