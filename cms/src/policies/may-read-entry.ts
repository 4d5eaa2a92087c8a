export { default } from '../features/preview/server/may-read-entry';
