export * from './constants.js';
export * from './labels.js';
export * from './admin-urls.js';
export * from './content.js';
export * from './inputs.js';
export * from './fields.js';
export * from './article-card.js';
export * from './rate-limit.js';
