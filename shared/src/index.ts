export * from './constants.js';
export * from './content.js';
export * from './inputs.js';
