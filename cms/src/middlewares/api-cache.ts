export { default } from '../platform/cache/middleware';
