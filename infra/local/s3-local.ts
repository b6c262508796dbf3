// The local S3 server (s3rver): the files bucket of ticket attachments, answering the same SDK calls and presigned
// POST/GET URLs as S3. It does not verify signatures nor enforce a presigned POST's policy, so our own checks after
// upload (shared/tickets/attachments.ts) are what hold locally; signature enforcement is only testable against AWS.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The S3 event notification s3rver emits for each write, shaped as S3 sends it to Lambda. */
interface S3rverEvent {
  Records: Array<{ eventName: string; s3: { bucket: { name: string }; object: { key: string } } }>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3rverEvent) => void): void;
}

// CommonJS packages; require() reads them the same way under tsx and Vite.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account.js') as {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
};

/** The fixed local credentials (localEnvironment's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY); s3rver knows only its own. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);

/** The local bucket's name (S3 wants 3 characters at least). */
export const LOCAL_FILES_BUCKET = 'atrium-local-files';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** Calls `listener` for each object written under `prefix`, as an S3 event notification invokes a worker in AWS. */
  onObjectCreated(prefix: string, listener: (bucket: string, key: string) => void): void;
  stop(): Promise<void>;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The bucket's CORS rule: the portal's origins may POST (presigned upload), PUT and GET, as the stateful stack allows. */
export function corsConfiguration(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${escapeXml(origin)}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * Starts s3rver on loopback with its objects under `directory` (kept between `npm start` runs; a temporary folder in
 * tests) and the files bucket created with a CORS rule for the portal's origins.
 */
export async function startLocalS3(options: {
  port: number;
  directory: string;
  origins: readonly string[];
  bucket?: string;
}): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  const bucket = options.bucket ?? LOCAL_FILES_BUCKET;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.directory,
    silent: true,
    // Path-style only (the client sets forcePathStyle): a host name is never read as a bucket.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsConfiguration(options.origins)] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    onObjectCreated: (prefix, listener) =>
      server.on('event', (event) => {
        for (const record of event.Records) {
          const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
          if (record.eventName.startsWith('ObjectCreated') && key.startsWith(prefix)) listener(record.s3.bucket.name, key);
        }
      }),
    stop: () => server.close(),
  };
}
