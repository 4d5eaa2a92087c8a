export { default } from '../platform/gate/public-input';
