/**
 * Menu icons in the style of @strapi/icons (32×32 view box, filled, `fill` takes a theme colour
 * such as "neutral500" or any CSS colour). Drawn here because @strapi/icons is not a dependency of
 * the CMS and pnpm does not let the admin build reach Strapi's own copy.
 */
import * as React from 'react';
import { useTheme } from 'styled-components';

type IconProps = React.SVGProps<SVGSVGElement>;

function useColour(value: string | undefined): string | undefined {
  const colors = useTheme()?.colors as unknown as Record<string, string> | undefined;
  return value && colors && value in colors ? colors[value] : value;
}

function makeIcon(name: string, path: string) {
  const Icon = React.forwardRef<SVGSVGElement, IconProps>(({ fill = 'currentColor', ...props }, ref) => (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width={16} height={16} ref={ref} aria-hidden {...props} fill={useColour(fill)}>
      <path fillRule="evenodd" clipRule="evenodd" d={path} />
    </svg>
  ));
  Icon.displayName = name;
  return Icon;
}

/** A speech bubble with two lines of text: comments and their moderation. */
export const CommentsIcon = makeIcon(
  'CommentsIcon',
  'M6 4h20a3 3 0 0 1 3 3v13a3 3 0 0 1-3 3H16.2l-6.55 5.24A1 1 0 0 1 8 27.46V23H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3Zm3.5 6a1.5 1.5 0 0 0 0 3h13a1.5 1.5 0 0 0 0-3h-13Zm0 5a1.5 1.5 0 0 0 0 3h8a1.5 1.5 0 0 0 0-3h-8Z',
);

/** An arrow down into a tray: download a file. */
export const DownloadIcon = makeIcon(
  'DownloadIcon',
  'M16 3a1.5 1.5 0 0 1 1.5 1.5v12.88l4.44-4.44a1.5 1.5 0 1 1 2.12 2.12l-7 7a1.5 1.5 0 0 1-2.12 0l-7-7a1.5 1.5 0 1 1 2.12-2.12l4.44 4.44V4.5A1.5 1.5 0 0 1 16 3ZM2.5 22a1.5 1.5 0 0 1 3 0v3.5h21V22a1.5 1.5 0 0 1 3 0v4a2.5 2.5 0 0 1-2.5 2.5H5A2.5 2.5 0 0 1 2.5 26v-4Z',
);
