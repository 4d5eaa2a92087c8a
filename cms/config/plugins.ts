import { secret } from '../src/utils/secrets';

export default () => ({
  'users-permissions': {
    config: {
      jwtSecret: secret('JWT_SECRET'),
      // Readers never sign up: the site has no reader accounts.
      register: { allowedFields: [] },
    },
  },
});
