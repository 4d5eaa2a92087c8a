export { default } from '../platform/limits/rate-limit-middleware';
