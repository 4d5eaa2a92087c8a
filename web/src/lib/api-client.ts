import axios from 'axios';
import qs from 'qs';
import { API_URL } from '@/config/env';

/** The one HTTP client of the app: every request to the CMS goes through it. */
export const apiClient = axios.create({
  baseURL: API_URL,
  timeout: 15_000,
  headers: { Accept: 'application/json' },
  // Strapi reads nested parameters (filters[slug][$eq]=x, populate[cover][fields][0]=url) in qs's bracket format.
  paramsSerializer: { serialize: (params) => qs.stringify(params, { encodeValuesOnly: true }) },
});
