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
