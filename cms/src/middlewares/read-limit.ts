export { default } from '../platform/limits/read-limit';
