import axios from 'axios';
import { API_URL } from '@/config/env';

/** The one HTTP client of the app: every request to the CMS goes through it. */
export const apiClient = axios.create({
  baseURL: API_URL,
  timeout: 15_000,
  headers: { Accept: 'application/json' },
  // Strapi reads nested parameters in qs's bracket format (filters[slug][$eq]=x,
  // populate[cover][fields][0]=url), which axios writes itself when asked for array indexes.
  paramsSerializer: { indexes: true },
});
