/**
 * Finds the file of an old image address in the export's uploads folder (`--media`). The address
 * comes from the export, which may be hostile: whatever its spelling (`..%2F`, an absolute path
 * once decoded, backslashes, a NUL) or a symbolic link inside the folder, only a regular file
 * inside the folder is ever returned, as anything returned is uploaded to the public media library.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { unescape } from 'node:querystring';

export const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A file to upload: where it is, and its name in the media library (its path in the folder). */
export interface MediaFile {
  path: string;
  name: string;
}

/** A file, or why there is none: not in the folder, or an address that leads out of it. */
export type MediaLookup = MediaFile | 'missing' | 'outside';

const UPLOADS = '/uploads/';

/** Whether `path` is `folder` or below it (both absolute). */
function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

/**
 * The file of an image address in `mediaDir`: its path after /uploads/ (else its name alone),
 * then without WordPress's size suffix (photo-300x200.jpg is a copy of photo.jpg), then its name
 * alone. The path is decoded first and resolved against the folder after, so an encoded `..` or
 * separator counts like a written one; a path that lands outside the folder, directly or through a
 * symbolic link, refuses the address whole ('outside'), whichever spelling would have been found.
 */
export function findMediaFile(address: URL, mediaDir: string): MediaLookup {
  const folder = realpathSync(mediaDir);
  // Valid escapes decoded, broken ones left as written (decodeURIComponent would give up on all).
  // A decoded backslash is a separator, as the URL parser takes a written one in http(s) addresses.
  const pathname = unescape(address.pathname).replaceAll('\\', '/');
  const at = pathname.lastIndexOf(UPLOADS);
  const wanted = resolve(folder, at >= 0 ? pathname.slice(at + UPLOADS.length) : basename(pathname));
  if (!isInside(folder, wanted)) return 'outside';
  const spellings = new Set([wanted, wanted.replace(/-\d+x\d+(\.\w+)$/, '$1'), resolve(folder, basename(wanted))]);
  for (const path of spellings) {
    if (!IMAGE_TYPES[extname(path).toLowerCase()]) continue;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      // Not there, not readable, or a name no file can have (a NUL).
      continue;
    }
    if (!isInside(folder, real)) return 'outside';
    if (statSync(real).isFile()) return { path: real, name: relative(folder, path).split(sep).join('/') };
  }
  return 'missing';
}
