import { mediaSrcSet, mediaUrl, type Image } from '@/lib/media';

interface ResponsiveImageProps {
  image: Image;
  /** How wide the image is shown, for the browser to pick a size (the `sizes` attribute). */
  sizes: string;
  /** The page's main image: load it first instead of lazily. */
  priority?: boolean;
  className?: string;
}

export function ResponsiveImage({ image, sizes, priority = false, className }: ResponsiveImageProps) {
  return (
    <img
      className={className}
      src={mediaUrl(image.url)}
      srcSet={mediaSrcSet(image)}
      sizes={sizes}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      alt={image.alternativeText ?? ''}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  );
}
