// Composes the local portal: DynamoDB Local, the local SES v2 server, the local S3 server, the local API (same handlers as
// Lambda) and the web app.

import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { ensureLocalKeys } from '#shared/identity/local-keys.ts';
import { createLocalApi, type LocalApiOptions } from '#infra/local/api-server.ts';
import { ensureTable, startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { startMailServer } from '#infra/local/mail-server.ts';
import { LOCAL_CREDENTIALS, LOCAL_FILES_BUCKET, startLocalS3 } from '#infra/local/s3-local.ts';

export interface LocalRuntimeOptions {
  dataDir: string;
  /** Keep DynamoDB data under dataDir (npm start) or in memory (tests). */
  persist: boolean;
  /** `s3`: the local S3 server (s3rver) holding the files bucket. */
  ports: { portal: number; dynamodb: number; mail: number; s3: number };
  /** Serve the web portal through Vite (npm start, browser tests) or not at all (API tests). */
  web: boolean;
  seed: boolean;
  tableName?: string;
  /**
   * Browser tests only: take the source IP from X-Forwarded-For, so each browser context is a client of its own and the
   * per-address limits (lockout, sign-up and mail limits) of one test do not spill into the next. `npm start` never does.
   */
  trustForwardedFor?: boolean;
  /** Run the scheduled jobs (SLA breaches, reports) on timers, as EventBridge Scheduler does in AWS: npm start only. */
  scheduledJobs?: boolean;
}

export interface LocalRuntime {
  portalUrl: string;
  mailUrl: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const LOCAL_CLIENT_IDS = { customer: 'atrium-local-customer', staff: 'atrium-local-staff' } as const;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/** The environment every handler reads (shared/config.ts), pointed at the local engines. */
export function localEnvironment(options: LocalRuntimeOptions, dynamodbEndpoint: string): Record<string, string> {
  const portalUrl = `http://127.0.0.1:${options.ports.portal}`;
  return {
    AWS_REGION: 'eu-central-1',
    // Fixed: DynamoDB Local takes any, s3rver only the key pair it was given (infra/local/s3-local.ts).
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME: options.tableName ?? 'atrium-local',
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    SES_ENDPOINT: `http://127.0.0.1:${options.ports.mail}`,
    S3_ENDPOINT: `http://127.0.0.1:${options.ports.s3}`,
    FILES_BUCKET: LOCAL_FILES_BUCKET,
    MAIL_FROM: 'Atrium <no-reply@atrium.local>',
    IDENTITY_ADAPTER: 'local',
    LOCAL_IDP_ISSUER_BASE: `${portalUrl}/local-idp`,
    LOCAL_IDP_KEYS_DIR: join(options.dataDir, 'keys'),
    // The licence-signing key is generated next to the sign-in keys (shared/licences/signing-key.ts).
    LICENCE_KEYS_DIR: join(options.dataDir, 'keys'),
    CUSTOMER_CLIENT_ID: LOCAL_CLIENT_IDS.customer,
    STAFF_CLIENT_ID: LOCAL_CLIENT_IDS.staff,
    PORTAL_URL: portalUrl,
    POWERTOOLS_DEV: 'true',
    // Node 20 is what the design targets today; the SDK's notice about 2027 is in README's notes.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * The web portal through Vite's dev server in middleware mode, on the API's own server: one origin, HMR on the same
 * port. What it may serve is web/vite.config.ts's `server.fs` (web/, shared/, node_modules; never .local/).
 */
export async function createWebPortal(server: Server) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(import.meta.dirname, '..', '..', 'web', 'vite.config.ts'),
    appType: 'spa',
    logLevel: 'warn',
    server: { middlewareMode: true, ws: { server } },
  });
  return { middlewares: vite.middlewares, close: () => vite.close() };
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  mkdirSync(options.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const ddbPath = join(options.dataDir, 'ddb');
    if (options.persist) mkdirSync(ddbPath, { recursive: true });
    const [dynamo, mailServer, files] = await Promise.all([
      startDynamoDbLocal({ port: options.ports.dynamodb, ...(options.persist ? { dbPath: ddbPath } : {}) }),
      startMailServer(options.ports.mail),
      // Objects on disk under dataDir either way: tests give a temporary dataDir and remove it.
      startLocalS3({
        port: options.ports.s3,
        directory: join(options.dataDir, 's3'),
        origins: [`http://127.0.0.1:${options.ports.portal}`, `http://localhost:${options.ports.portal}`],
      }),
      ensureLocalKeys(join(options.dataDir, 'keys')),
    ]);
    stops.push(
      () => dynamo.stop(),
      () => close(mailServer),
      () => files.stop(),
    );

    const env = localEnvironment(options, dynamo.endpoint);
    // The handlers run in this process, as they would in their Lambdas: they read the same variables.
    Object.assign(process.env, env);
    await ensureTable(dynamo.endpoint, env.TABLE_NAME!);
    if (options.seed) {
      const { seedDemoData } = await import('#infra/local/seed.ts');
      await seedDemoData();
    }

    const apiOptions: LocalApiOptions = {
      issuerBase: env.LOCAL_IDP_ISSUER_BASE!,
      keysDir: env.LOCAL_IDP_KEYS_DIR!,
      clientIds: LOCAL_CLIENT_IDS,
      // The pages upload attachments straight to the local S3 server, as they do to the files bucket in AWS.
      connectSources: [files.endpoint],
      ...(options.trustForwardedFor ? { trustForwardedFor: true } : {}),
    };
    // Mail "received" for a ticket reply address: the same worker code as the files bucket's notification in AWS.
    files.onObjectCreated('inbound/', (bucket, key) => {
      void import('#shared/tickets/inbound/receive-reply.ts')
        .then(({ onLocalInboundObject }) => onLocalInboundObject(bucket, key))
        .catch((error: unknown) => console.error('inbound mail', key, error));
    });
    if (options.scheduledJobs) {
      const { startScheduledJobs } = await import('#infra/local/scheduled-jobs.ts');
      stops.push(startScheduledJobs());
    }
    const server = createLocalApi(apiOptions);
    await listen(server, options.ports.portal);
    stops.push(() => close(server));
    if (options.web) {
      const portal = await createWebPortal(server);
      apiOptions.web = portal.middlewares;
      stops.push(() => portal.close());
    }
    return {
      portalUrl: env.PORTAL_URL!,
      mailUrl: `http://127.0.0.1:${options.ports.mail}`,
      dynamodbEndpoint: dynamo.endpoint,
      s3Endpoint: files.endpoint,
      env,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
