/**
 * Pictures for the demo content, drawn here at seed time (nothing is downloaded): calm abstract
 * covers for the articles and stylised portraits for the authors. Each is uploaded through
 * Strapi's upload service, which makes the responsive formats the site's srcset uses.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';

/** Soft colours that sit well together, and how alternative text names them. */
export interface Palette {
  name: string;
  background: [string, string];
  shapes: [string, string, string];
}

export const PALETTES: Palette[] = [
  { name: 'teal and sand', background: ['#dcefeb', '#f6ecd9'], shapes: ['#3f8f86', '#e0b97a', '#9cc9c1'] },
  { name: 'sage and cream', background: ['#e7efe0', '#fbf6ea'], shapes: ['#6d8f5e', '#d9c58f', '#b3c9a6'] },
  { name: 'dusk blue and peach', background: ['#dfe6f3', '#f8e6dc'], shapes: ['#4f6fa3', '#e9a985', '#a9bddc'] },
  { name: 'lavender and mist', background: ['#ebe6f4', '#eef3f6'], shapes: ['#7a6aa8', '#9fb8c8', '#c9bde3'] },
  { name: 'terracotta and stone', background: ['#f3e4dc', '#efece6'], shapes: ['#b8694f', '#8f9a8c', '#dcb3a0'] },
];

/** A number from text, the same on every run: each picture is drawn the same way each time. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** Fractions in [0, 1) drawn one after the other from `seed`. */
function fractions(seed: number) {
  let state = seed || 1;
  return () => {
    state = Math.imul(state ^ (state >>> 15), 2246822507) ^ Math.imul(state ^ (state >>> 13), 3266489909);
    return ((state ^= state >>> 16) >>> 0) / 4294967296;
  };
}

const gradient = ([from, to]: [string, string]) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/>` +
  `<stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#bg)"/>`;

/** Large overlapping circles and one gentle wave, 1600×900. */
export function coverSvg(key: string, palette: Palette): string {
  const next = fractions(seedOf(key));
  const circles = [0, 1, 2, 0, 2]
    .map((shape, index) => {
      const radius = 140 + next() * 260;
      const x = 200 + next() * 1200;
      const y = 150 + next() * 600;
      const opacity = index < 3 ? 0.55 : 0.3;
      return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${radius.toFixed(0)}" fill="${palette.shapes[shape]}" fill-opacity="${opacity}"/>`;
    })
    .join('');
  const crest = 560 + next() * 140;
  const wave =
    `<path d="M0 ${crest.toFixed(0)} C 400 ${(crest - 160).toFixed(0)}, 1100 ${(crest + 160).toFixed(0)}, 1600 ${(crest - 40).toFixed(0)} ` +
    `L1600 900 L0 900 Z" fill="${palette.shapes[1]}" fill-opacity="0.35"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">${gradient(palette.background)}${circles}${wave}</svg>`;
}

/** A head and shoulders in soft tones over a gradient, 800×800: a portrait without a face. */
export function portraitSvg(palette: Palette): string {
  const [figure, accent] = [palette.shapes[0], palette.shapes[2]];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">${gradient(palette.background)}` +
    `<circle cx="640" cy="150" r="190" fill="${accent}" fill-opacity="0.45"/>` +
    `<circle cx="400" cy="320" r="140" fill="${figure}" fill-opacity="0.85"/>` +
    `<path d="M140 800 C 150 590, 270 500, 400 500 C 530 500, 650 590, 660 800 Z" fill="${figure}" fill-opacity="0.85"/>` +
    `</svg>`
  );
}

/** Uploads an SVG drawing as a WebP picture; returns the new file's id. */
export async function uploadPicture(
  strapi: Core.Strapi,
  svg: string,
  name: string,
  alternativeText: string,
): Promise<number> {
  const directory = await mkdtemp(join(tmpdir(), 'medblog-seed-'));
  try {
    const filepath = join(directory, `${name}.webp`);
    const picture = await sharp(Buffer.from(svg)).webp({ quality: 82 }).toBuffer();
    await writeFile(filepath, picture);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: `${name}.webp`, alternativeText } },
        files: { filepath, originalFilename: `${name}.webp`, mimetype: 'image/webp', size: picture.length },
      });
    return file.id;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
