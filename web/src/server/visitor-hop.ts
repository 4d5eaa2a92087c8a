/**
 * The site server's calls to the CMS count against the reader they are made for: each request the
 * app's API client makes while the server answers a reader carries that reader's address, signed
 * (the contract is shared/src/visitor-hop.ts). Server-only: the browser's requests go to the CMS
 * from the reader's own address, and this module is never part of the browser's bundle.
 *
 * The reader of the moment is kept in an AsyncLocalStorage: a render runs many requests, started
 * from loaders, React Query and the page cache, all within the async context of the reader's
 * request (a background render after a stale hit too).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import { VISITOR_HOP, visitorHopSignedText } from '@medblog/shared';
import type { AxiosInstance } from 'axios';
import ipaddr from 'ipaddr.js';

const currentReader = new AsyncLocalStorage<string>();

/** Runs `work` on behalf of the reader at `address`: the CMS calls it makes count against that reader. */
export function asReader<T>(address: string, work: () => T): T {
  return currentReader.run(address, work);
}

/** The key of the hop: derived from the purge secret, so a purge signature never signs a visitor. */
const hopKey = (secret: string) => createHmac('sha256', secret).update(VISITOR_HOP.keyLabel).digest();

/** The header naming `address`, signed now. */
export function visitorHopHeader(secret: string, address: string, nowMs = Date.now()): string {
  const at = Math.floor(nowMs / 1000);
  const signature = createHmac('sha256', hopKey(secret)).update(visitorHopSignedText(at, address)).digest('hex');
  return `a=${address},t=${at},v1=${signature}`;
}

const signing = new WeakSet<AxiosInstance>();

/**
 * From now on, each request `client` makes for a reader names that reader, signed with `secret`;
 * any other value of the header is removed, so only the site's own signature ever leaves.
 */
export function passReaderToCms(client: AxiosInstance, secret: string): void {
  if (signing.has(client)) return;
  signing.add(client);
  client.interceptors.request.use((config) => {
    config.headers.delete(VISITOR_HOP.header);
    const address = currentReader.getStore();
    if (secret && address && ipaddr.isValid(address)) {
      config.headers.set(VISITOR_HOP.header, visitorHopHeader(secret, address));
    }
    return config;
  });
}
