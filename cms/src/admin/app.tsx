export default {
  config: { locales: ['en'] },
  register() {},
};
