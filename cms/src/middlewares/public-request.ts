export { default } from '../platform/gate/public-request';
