/**
 * Uploads go to an S3-compatible bucket when S3_BUCKET is set, through Strapi's AWS S3 provider
 * (config/plugins.ts); without it they stay on the local disk (public/uploads). Several CMS
 * instances need the bucket: each would otherwise keep its own files.
 */
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** The upload plugin's configuration for the bucket; nothing (the local disk) without S3_BUCKET. */
export function s3UploadPlugin(env: Env) {
  const storage = s3Storage(env);
  if (!storage) return {};
  return {
    upload: {
      config: {
        provider: 'aws-s3',
        providerOptions: storage.providerOptions,
        actionOptions: { upload: {}, uploadStream: {}, delete: {} },
      },
    },
  };
}

/** Where the bucket's files are served from, for the admin's CSP: none without S3_BUCKET. */
export function s3PublicOrigins(env: Env): string[] {
  const storage = s3Storage(env);
  return storage ? [new URL(storage.publicUrl).origin] : [];
}

function s3Storage(env: Env) {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) return null;
  const region = env('S3_REGION', 'us-east-1');
  // An S3-compatible server (MinIO and others); AWS itself when unset.
  const endpoint = env('S3_ENDPOINT', '');
  const forcePathStyle = env.bool('S3_FORCE_PATH_STYLE', false);
  const publicUrl = (env('S3_PUBLIC_URL', '') || defaultPublicUrl(bucket, region, endpoint, forcePathStyle)).replace(
    /\/+$/,
    '',
  );
  const accessKeyId = env('S3_ACCESS_KEY_ID', '');
  return {
    publicUrl,
    providerOptions: {
      // File URLs are this base and the file's key.
      baseUrl: publicUrl,
      s3Options: {
        region,
        forcePathStyle,
        // Without keys, the AWS SDK looks for credentials itself (an instance role, for example).
        ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey: env('S3_SECRET_ACCESS_KEY', '') } } : {}),
        ...(endpoint ? { endpoint } : {}),
        params: { Bucket: bucket },
      },
    },
  };
}

/** Where the bucket serves its files, when S3_PUBLIC_URL (a CDN or a domain of our own) is not set. */
function defaultPublicUrl(bucket: string, region: string, endpoint: string, forcePathStyle: boolean): string {
  if (!endpoint) return `https://${bucket}.s3.${region}.amazonaws.com`;
  const url = new URL(endpoint);
  return forcePathStyle ? `${url.origin}/${bucket}` : `${url.protocol}//${bucket}.${url.host}`;
}
