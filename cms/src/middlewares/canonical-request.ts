export { default } from '../platform/gate/canonical-request';
