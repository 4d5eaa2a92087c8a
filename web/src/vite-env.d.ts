/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the CMS (Strapi), e.g. https://cms.example.org. */
  readonly VITE_API_URL?: string;
  /** Public address of this site, used for canonical and share URLs. */
  readonly VITE_SITE_URL?: string;
  /** The organisation's time zone, for dates shown to readers (default Asia/Kolkata). */
  readonly VITE_TIME_ZONE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** VITE_TIME_ZONE's offsets (lib/zone-offsets.ts), put in by vite.config.ts. */
declare const __SITE_ZONE_OFFSETS__: import('./lib/zone-offsets').ZoneOffsets;
