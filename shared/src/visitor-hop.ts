/**
 * The reader's address on the site server's own calls to the CMS, so that the CMS's per-visitor
 * limits count the reads of a page against the reader it is rendered for, not against the one
 * address of the site server (web/src/server/visitor-hop.ts signs, cms/src/platform/utils/client.ts checks).
 *
 *   X-Medblog-Visitor: a=<IP address>,t=<unix seconds>,v1=<hex>
 *
 * v1 is the HMAC-SHA256 of `${t}.${a}` keyed with the hop key, itself the HMAC-SHA256 of
 * VISITOR_HOP.keyLabel keyed with PURGE_SECRET (which both sides already share): a key of its own,
 * so a purge signature is never a valid visitor signature, nor the other way round. The CMS takes
 * the address only with a valid signature made at most VISITOR_HOP.maxAgeSeconds from its clock, so
 * a header that leaks is worthless for another address and soon for the same one; otherwise the
 * connection's address counts. The site never passes on a header of this name that a client sent.
 */
export const VISITOR_HOP = {
  header: 'x-medblog-visitor',
  maxAgeSeconds: 60,
  keyLabel: 'medblog visitor hop v1',
} as const;

/** The text the signature covers. */
export const visitorHopSignedText = (timestamp: number, address: string) => `${timestamp}.${address}`;

/** `a=…,t=…,v1=…` as its fields; missing ones are undefined. */
export function parseVisitorHop(header: string): { address?: string; timestamp?: string; signature?: string } {
  const fields = new Map(
    header.split(',').map((part) => {
      const equals = part.indexOf('=');
      return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()] as const;
    }),
  );
  return { address: fields.get('a'), timestamp: fields.get('t'), signature: fields.get('v1') };
}
