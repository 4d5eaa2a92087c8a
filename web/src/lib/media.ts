import type { Media } from '@medblog/shared';
import { API_URL } from '@/config/env';

export type Image = Pick<Media, 'url' | 'alternativeText' | 'width' | 'height' | 'formats'>;

/** Uploads served by the CMS come with a path (/uploads/x.jpg); a CDN provider gives full URLs. */
export function mediaUrl(url: string): string {
  return /^(https?:)?\/\//i.test(url) ? url : `${API_URL}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** Every size the CMS generated, for the browser to pick the smallest that fills the slot. */
export function mediaSrcSet(image: Image): string | undefined {
  const candidates = Object.values(image.formats ?? {}).flatMap((format) =>
    format ? [{ url: format.url, width: format.width }] : [],
  );
  if (image.width) candidates.push({ url: image.url, width: image.width });
  if (candidates.length < 2) return undefined;
  return candidates
    .sort((a, b) => a.width - b.width)
    .map(({ url, width }) => `${mediaUrl(url)} ${width}w`)
    .join(', ');
}
