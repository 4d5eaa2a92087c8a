/**
 * The pure parts of an admin CSV download (see useCsvDownload): the file name the server sends,
 * the number of rows it says the file holds, and the sentence a refused download shows.
 */

/** `<prefix>-YYYY-MM-DD.csv`: the name a download gets when the server sends none. */
export function datedFileName(prefix: string, today = new Date()): string {
  return `${prefix}-${today.toISOString().slice(0, 10)}.csv`;
}

/**
 * The file name from a Content-Disposition header (`filename*=UTF-8''…` first, then `filename=`),
 * made safe to save; `fallbackName` when the header names no file.
 */
export function downloadFileName(contentDisposition: string | null | undefined, fallbackName: string): string {
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition ?? '');
  if (utf8) {
    try {
      return safeFileName(decodeURIComponent(utf8[1].trim()));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(contentDisposition ?? '');
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? safeFileName(name) : fallbackName;
}

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** How many rows the file holds, from the server's `X-Total-Count` header (undefined if absent). */
export function exportedCount(totalCountHeader: string | null | undefined): number | undefined {
  const count = totalCountHeader && /^\d+$/.test(totalCountHeader.trim()) ? Number(totalCountHeader) : NaN;
  return Number.isSafeInteger(count) ? count : undefined;
}

/**
 * The message of a Strapi error body (`{ error: { message } }`, parsed or as the raw text of a
 * failed download), or a sentence for the status; `forbidden` says what a 403 means on the screen.
 */
export function errorMessageFromBody(body: unknown, status: number | undefined, forbidden: string): string {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const message = (parsed as { error?: { message?: unknown } } | null | undefined)?.error?.message;
  if (typeof message === 'string' && message) return message;
  if (status === 401) return 'Your session has ended: log in again.';
  if (status === 403) return forbidden;
  return status ? `The server answered ${status}.` : 'The server did not answer.';
}
