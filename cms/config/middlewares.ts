export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Only the reader site may call the API from a browser (Strapi's default is "*").
      origin: env.array('CORS_ORIGINS', ['http://localhost:5173', 'http://127.0.0.1:5173']),
      credentials: false,
      // The site reads how long to wait after a 429.
      expose: ['Retry-After'],
    },
  },
  // After cors, so the reader site can read its 503 and Retry-After.
  'global::database-health',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
