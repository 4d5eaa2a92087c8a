import { PAGE_SIZE } from '@medblog/shared';

export default {
  rest: {
    // The public contract's page sizes (@medblog/shared, public-api.ts): Strapi reads a larger
    // pageSize or limit as maxLimit.
    defaultLimit: PAGE_SIZE.default,
    maxLimit: PAGE_SIZE.max,
    withCount: true,
  },
};
