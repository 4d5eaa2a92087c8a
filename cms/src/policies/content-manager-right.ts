export { default } from '../platform/access/content-manager-right';
