export { default } from '../platform/database/health-middleware';
