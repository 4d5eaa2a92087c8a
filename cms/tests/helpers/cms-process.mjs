// The compiled CMS (cms/dist) in a process of its own, configured by the environment its parent
// gives it: for tests that take its database away (two Strapi instances cannot share a process).
// Tells the parent over IPC once it listens.
import { loadStrapi } from '../../scripts/lib/strapi.mjs';

const strapi = await loadStrapi();
await strapi.start();
process.send?.('ready');
