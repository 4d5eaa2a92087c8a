// Limits on what one visitor may send. Rate limits count accepted submissions per IP (hashed).
export default ({ env }) => ({
  comments: { max: env.int('COMMENT_RATE_MAX', 5), windowSeconds: env.int('COMMENT_RATE_WINDOW_SECONDS', 600) },
  enquiries: { max: env.int('ENQUIRY_RATE_MAX', 5), windowSeconds: env.int('ENQUIRY_RATE_WINDOW_SECONDS', 3600) },
  // A person needs a few seconds to fill in a form; a bot does not.
  minimumFillSeconds: env.int('MINIMUM_FILL_SECONDS', 3),
  maxLinksPerComment: env.int('MAX_LINKS_PER_COMMENT', 2),
});
