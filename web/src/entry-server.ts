/**
 * The server's entry, built by `vite build --ssr` (and loaded through Vite in development): the
 * request handler of the site's pages, feeds and purge call.
 */
import axios from 'axios';
import { setUpApiClient } from '@/lib/api-client';
import { serverConfig } from '@/server/config';

// The server reaches the CMS at its own address, and never waits long for it.
setUpApiClient(axios, { baseURL: serverConfig.cmsUrl, timeout: serverConfig.cmsTimeoutMs });

export { createSiteHandler, securityHeaders } from '@/server/site-handler';
export type { HeadAssets } from '@/server/render-page';
export { devHeadAssets, manifestHeadAssets, type Manifest } from '@/server/head-assets';
