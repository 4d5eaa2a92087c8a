/**
 * Uploads to S3-compatible storage: with S3_* set, an image an editor uploads in the admin is
 * stored in the bucket (not on the CMS's disk), its URL points at the bucket and serves the image,
 * and the admin's CSP lets it show images from there. The storage is chosen at start-up, so this
 * file runs a CMS process of its own, against a real S3 server (s3rver) on a temporary folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/lib/free-port.mjs';
import { DEV_ADMIN } from '../src/platform/access/dev-admin';
import { scratchDatabase, startCmsProcess, type CmsProcess } from './helpers/cms-child';

const BUCKET = 'medblog-uploads';
const IMAGE = readFileSync(join(__dirname, '..', 'favicon.png'));

const folder = mkdtempSync(join(tmpdir(), 'medblog-s3-'));
let s3: { close: () => Promise<void> } | undefined;
let s3Url = '';
let database: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
let cms: CmsProcess | undefined;

beforeAll(async () => {
  const port = await freePort();
  s3Url = `http://127.0.0.1:${port}`;
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: folder,
    configureBuckets: [{ name: BUCKET }],
  });
  await server.run();
  s3 = server;
  database = await scratchDatabase('s3');
  cms = await startCmsProcess({
    DATABASE_URL: database.url,
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3Url,
    S3_FORCE_PATH_STYLE: 'true',
    // s3rver's own keys.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_PUBLIC_URL: `${s3Url}/${BUCKET}`,
  });
}, 180_000);

afterAll(async () => {
  await cms?.stop();
  await database?.drop();
  await s3?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function adminToken(): Promise<string> {
  const response = await fetch(`${cms!.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEV_ADMIN),
  });
  const { data } = (await response.json()) as { data: { token: string } };
  return data.token;
}

describe('uploads to S3-compatible storage', () => {
  it('stores an image uploaded in the admin in the bucket, at the URL the CMS gives for it', async () => {
    const form = new FormData();
    form.append('files', new Blob([IMAGE], { type: 'image/png' }), 'favicon.png');
    const response = await fetch(`${cms!.url}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await adminToken()}` },
      body: form,
    });
    expect(response.status).toBe(201);
    const [file] = (await response.json()) as Array<{ url: string; hash: string; ext: string; size: number }>;
    expect(file.url).toBe(`${s3Url}/${BUCKET}/${file.hash}${file.ext}`);

    // The bucket has it: read back from the S3 server, the PNG Strapi made of it (re-encoded smaller).
    const stored = await fetch(file.url);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(IMAGE.subarray(0, 8));
    expect(bytes.length / 1000).toBeCloseTo(file.size, 2);
    // And the CMS's own disk does not.
    expect(existsSync(join(__dirname, '..', 'public', 'uploads', `${file.hash}${file.ext}`))).toBe(false);
  });

  it("lets the admin show images and media from the bucket's origin", async () => {
    // Every answer carries the policy; the admin panel itself is not built for tests.
    const response = await fetch(`${cms!.url}/admin/init`);
    const policy = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(policy['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:', s3Url]));
    expect(policy['media-src']).toEqual(expect.arrayContaining(["'self'", s3Url]));
  });
});
