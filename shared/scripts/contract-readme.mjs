// Prints the README's tables of what the public API accepts, made from src/public-api.ts (run the
// build first: `pnpm contract:readme` at the root does).
import { publicApiTables } from '../dist/esm/index.js';

console.log(publicApiTables());
