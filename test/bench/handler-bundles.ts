// `npm run bench` (a benchmark, not a test: nothing here fails `npm test`). For every handler of the route and worker
// tables, built as CDK builds it: bytes, gzip bytes, cold start (import + first real invocation, in a fresh Node
// process, against DynamoDB Local and a local fake of Cognito/SQS/Secrets Manager/SES; median of interleaved runs)
// and warm p50/p99 of in-process invocations, beside a baseline handler built the `cdk init` + NodejsFunction way.
// Then a local HTTP load figure for GET /api/licences. Budgets and how to read the table: docs/performance.md.
//
// Environment: BENCH_RUNS (cold runs per handler, default 15), BENCH_WARM_RUNS (default 200), BENCH_LOAD_SECONDS
// (per autocannon run, default 10; 0 skips the load test), BENCH_ONLY (comma-separated handlers, for a quick look).

import './quiet-sdk.ts';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SignJWT } from 'jose';
import { createLocalApi } from '#infra/local/api-server.ts';
import { ensureTable, startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { LOCAL_CLIENT_IDS } from '#infra/local/runtime.ts';
import { seedDemoData } from '#infra/local/seed.ts';
import { HANDLER_TARGET, PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';
import { resetConfigForTests } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { PutCommand, QueryCommand } from '#shared/db/commands.ts';
import { personItem } from '#shared/accounts/person.ts';
import { accountTicketsPartition } from '#shared/tickets/customer-tickets.ts';
import { ticketReplyTo } from '#shared/tickets/reply-address.ts';
import { ensureLocalKeys, localSigningKey, SIGNING_ALG } from '#shared/identity/local-keys.ts';
import { allHandlers, buildHandlers } from '../support/bundles.ts';
import { freePort } from '../support/ports.ts';
import {
  BASELINE_EVENT,
  BENCH_FILES_BUCKET,
  BENCH_SOURCE_RANGE,
  benchEvents,
  DEMO_CUSTOMER_ID,
  type DemoIds,
  handlersWithoutEvent,
  inboundReplyMail,
} from './events.ts';
import { BENCH_TICKET_REPLY_SECRET_ID, startFakeAws } from './fake-aws.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const COLD_BUDGET = 0.8;
const COLD_AIM_READ = 0.5;
const WARM_BUDGET = 3;
const BASELINE = 'baseline (cdk init)';
const AUTOCANNON = join(PROJECT_ROOT, 'node_modules', 'autocannon', 'autocannon.js');
const execFileAsync = promisify(execFile);

// Every handler needs its event (events.ts), checked before anything is built: a missing one fails in the first second,
// naming all of them, not after the builds and warm runs on the first one met. BENCH_ONLY names must be handlers.
const unknownOnly = ONLY?.filter((handler) => !allHandlers.includes(handler)) ?? [];
const withoutEvent = handlersWithoutEvent(allHandlers);
if (unknownOnly.length || withoutEvent.length) {
  if (unknownOnly.length) console.error(`BENCH_ONLY names no handler of the route or worker table: ${unknownOnly.join(', ')}`);
  if (withoutEvent.length)
    console.error(`No bench event (test/bench/events.ts) for ${withoutEvent.length} handlers:\n  ${withoutEvent.join('\n  ')}`);
  process.exit(1);
}

// One folder per run, so that two runs (a quick BENCH_ONLY look beside a full one) never delete each other's bundles.
const outDir = join(PROJECT_ROOT, '.bench', `handlers-${process.pid}`);
const work = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// ---- Bundles ------------------------------------------------------------------------------------------------------

interface Bundle {
  handler: string;
  file: string;
  bytes: number;
  gzip: number;
  read: boolean;
}

const { routes } = await import('#functions/routes.ts');
const readRoutes = new Set(routes.filter((route) => route.method === 'GET').map((route) => route.handler));
const handlers = ONLY ?? allHandlers;
const bundles: Bundle[] = [];
for (const [handler, code] of await buildHandlers(handlers)) {
  const file = join(outDir, `${handler.replace('/', '__')}.mjs`);
  writeFileSync(file, code);
  bundles.push({ handler, file, bytes: code.length, gzip: gzipSync(code).length, read: readRoutes.has(handler) });
}
// The baseline as NodejsFunction builds by default: CommonJS, not minified, @aws-sdk/* external. It sits under the
// project, so its @aws-sdk imports resolve to node_modules, as they would to the Lambda runtime's own copy.
const baselineFile = join(outDir, 'baseline.cjs');
await build({
  entryPoints: [join(import.meta.dirname, 'baseline-handler.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: HANDLER_TARGET,
  external: ['@aws-sdk/*'],
  outfile: baselineFile,
  logLevel: 'error',
});
const baselineCode = readFileSync(baselineFile);
bundles.unshift({ handler: BASELINE, file: baselineFile, bytes: baselineCode.length, gzip: gzipSync(baselineCode).length, read: true });

// ---- Engines: DynamoDB Local with the demo data, a fake for the rest ---------------------------------------------

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);
progress(`${bundles.length} bundles built`);
const dynamoPort = await freePort();
const dynamo = await startDynamoDbLocal({ port: dynamoPort });
// The received mail the inbound worker reads: a reply to the demo customer's open ticket (its address known once seeded).
let replyAddress = '';
const fakeAws = await startFakeAws({
  object: (bucket, key) => (bucket === BENCH_FILES_BUCKET && key.startsWith('inbound/') ? inboundReplyMail(key, replyAddress) : undefined),
});
const keysDir = join(work, 'keys');
await ensureLocalKeys(keysDir);
const TABLE = 'atrium-bench';
const commonEnv = {
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: TABLE,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  MAIL_FROM: 'Atrium <no-reply@atrium.example>',
  CUSTOMER_CLIENT_ID: LOCAL_CLIENT_IDS.customer,
  STAFF_CLIENT_ID: LOCAL_CLIENT_IDS.staff,
  LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_DEV: 'false',
  // Ticket mail carries signed reply addresses and replies by e-mail are received, as on a stage with inbound mail.
  TICKET_REPLY_DOMAIN: 'reply.atrium.example',
};
// The handlers' environment as in AWS: Cognito adapter, mail queued on SQS, signing key in Secrets Manager.
const lambdaEnv = {
  ...commonEnv,
  ...fakeAws.env,
  IDENTITY_ADAPTER: 'cognito',
  CUSTOMER_USER_POOL_ID: 'eu-central-1_benchCustomer',
  STAFF_USER_POOL_ID: 'eu-central-1_benchStaff',
  MAIL_QUEUE_URL: `${fakeAws.endpoint}/000000000000/atrium-bench-mail`,
  LICENCE_SIGNING_SECRET_ID: 'atrium/bench/licence-signing-key',
  TICKET_REPLY_SECRET_ID: BENCH_TICKET_REPLY_SECRET_ID,
  FILES_BUCKET: BENCH_FILES_BUCKET,
  AWS_LAMBDA_FUNCTION_NAME: 'atrium-bench',
  PORTAL_URL: 'https://portal.atrium.example',
};
// This process seeds and serves the load test with the local adapters, as `npm start` does.
Object.assign(process.env, commonEnv, {
  IDENTITY_ADAPTER: 'local',
  LOCAL_IDP_KEYS_DIR: keysDir,
  LICENCE_KEYS_DIR: keysDir,
  LOCAL_IDP_ISSUER_BASE: 'http://127.0.0.1/local-idp',
});
resetConfigForTests();
await ensureTable(dynamo.endpoint, TABLE);
await seedDemoData();
// The demo customer keeps an IP allow-list that holds the bench's source addresses: every customer route then runs the
// allow-list check, and its DynamoDB column shows that the check reads nothing more (the person item comes in the
// caller's one Query with the memberships).
await db().send(
  new PutCommand({
    TableName: tableName(),
    Item: personItem({ userId: DEMO_CUSTOMER_ID, ipAllowList: [BENCH_SOURCE_RANGE, '127.0.0.1', '::1'] }),
  }),
);

async function firstSk(prefix: string): Promise<string> {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': 'ACCOUNT#demo-nordwind', ':sk': prefix },
      Limit: 1,
    }),
  );
  const sk = Items?.[0]?.SK;
  if (typeof sk !== 'string') throw new Error(`the demo account has no ${prefix} item`);
  return sk.slice(prefix.length);
}
// The demo customer's ticket that is not closed (seed-tickets.ts): the one her mailed reply answers. This process signs
// with the local secret, which the fake Secrets Manager gives the handlers too.
const { Items: demoTickets } = await db().send(
  new QueryCommand({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': accountTicketsPartition('demo-nordwind') },
  }),
);
const openTicket = demoTickets?.find((item) => item.status !== 'closed')?.ticketNumber;
if (typeof openTicket !== 'number') throw new Error('the demo account has no open ticket');
replyAddress = (await ticketReplyTo(openTicket)) ?? '';
const ids: DemoIds = {
  licenceId: await firstSk('LICENCE#'),
  orderId: await firstSk('ORDER#'),
  subscriptionId: await firstSk('SUPPORT#'),
  ticketNumber: openTicket,
};
const events = benchEvents(ids);
progress('DynamoDB Local seeded');

// ---- Measuring ----------------------------------------------------------------------------------------------------

interface Invocation {
  ms: number;
  status: number | string;
  ddb: number;
  other: number;
  waitMs: number;
}
interface RunResult {
  importMs: number;
  firstMs: number;
  coldMs: number;
  status: number | string;
  ddb: number;
  other: number;
  warm?: Invocation[];
}

const runner = join(import.meta.dirname, 'invoke.mjs');
// Asynchronous on purpose: the fake AWS server answers from this process, so a synchronous child would block the very
// event loop it waits on (every handler that called the fake then hung until its 5 s timeout).
async function run(bundle: Bundle, mode: 'cold' | 'warm'): Promise<RunResult> {
  const out = join(work, 'result.json');
  const event = bundle.handler === BASELINE ? BASELINE_EVENT : events.get(bundle.handler);
  if (!event) throw new Error(`no bench event for ${bundle.handler}`);
  const child = execFileAsync(process.execPath, [runner], {
    env: {
      PATH: process.env.PATH,
      ...lambdaEnv,
      BENCH_BUNDLE: bundle.file,
      BENCH_EVENT: event,
      BENCH_MODE: mode,
      BENCH_WARM_RUNS: String(WARM_RUNS),
      BENCH_DDB_PORT: String(dynamoPort),
      BENCH_OUT: out,
      ...(process.env.BENCH_TRACE ? { BENCH_TRACE: '1' } : {}),
    },
    timeout: 120_000,
  });
  child.child.stderr?.pipe(process.stderr);
  await child;
  return JSON.parse(readFileSync(out, 'utf8')) as RunResult;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// Warm first (it also warms the OS file cache for the cold runs, which is what a Lambda host has too).
const warm = new Map<string, RunResult>();
for (const bundle of bundles) {
  progress(`warm: ${bundle.handler}`);
  warm.set(bundle.handler, await run(bundle, 'warm'));
}
// Interleaved, so that a busy moment on the shared machine spreads over every handler alike.
const cold = new Map<string, RunResult[]>(bundles.map((bundle) => [bundle.handler, []]));
for (let round = 0; round < RUNS; round += 1) {
  progress(`cold round ${round + 1} of ${RUNS}`);
  for (const bundle of bundles) cold.get(bundle.handler)!.push(await run(bundle, 'cold'));
}

// ---- Table --------------------------------------------------------------------------------------------------------

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number) => value.toFixed(1);
const baselineCold = median(cold.get(BASELINE)!.map((result) => result.coldMs));
const failures: string[] = [];
const rows = bundles.map((bundle) => {
  const runs = cold.get(bundle.handler)!;
  const warmRuns = warm.get(bundle.handler)!.warm ?? [];
  const coldMs = median(runs.map((result) => result.coldMs));
  const ratio = coldMs / baselineCold;
  const measured = warmRuns.length > 0;
  const p50 = measured
    ? percentile(
        warmRuns.map((invocation) => invocation.ms),
        50,
      )
    : NaN;
  const p99 = measured
    ? percentile(
        warmRuns.map((invocation) => invocation.ms),
        99,
      )
    : NaN;
  const waitP99 = measured
    ? percentile(
        warmRuns.map((invocation) => invocation.waitMs),
        99,
      )
    : 0;
  const ddb = measured ? warmRuns.reduce((sum, invocation) => sum + invocation.ddb, 0) / warmRuns.length : runs[0]!.ddb;
  const other = measured ? warmRuns.reduce((sum, invocation) => sum + invocation.other, 0) / warmRuns.length : runs[0]!.other;
  const statuses = [...new Set([runs[0]!.status, ...warmRuns.map((invocation) => invocation.status)])].join(', ');
  const isBaseline = bundle.handler === BASELINE;
  const coldPass = isBaseline || ratio <= COLD_BUDGET;
  const warmPass = measured && (waitP99 === 0 || p99 <= WARM_BUDGET * waitP99);
  if (!coldPass || !warmPass) failures.push(bundle.handler);
  return [
    bundle.handler,
    kb(bundle.bytes),
    kb(bundle.gzip),
    ms(median(runs.map((result) => result.importMs))),
    ms(median(runs.map((result) => result.firstMs))),
    ms(coldMs),
    isBaseline ? '1.00' : ratio.toFixed(2),
    isBaseline ? '' : coldPass ? (bundle.read && ratio > COLD_AIM_READ ? 'pass (over 0.5 aim)' : 'pass') : 'FAIL',
    ms(p50),
    ms(p99),
    `${ddb.toFixed(1)}${other ? ` + ${other.toFixed(1)}` : ''}`,
    waitP99 === 0 ? 'none' : ms(waitP99),
    !measured ? 'not measured' : waitP99 === 0 ? 'n/a' : warmPass ? 'pass' : 'FAIL',
    statuses,
  ];
});

const header = [
  'handler',
  'bytes (KB)',
  'gzip (KB)',
  'import (ms)',
  'first call (ms)',
  `cold (ms, median of ${RUNS})`,
  'x baseline',
  `cold <= ${COLD_BUDGET}x`,
  `warm p50 (ms, ${WARM_RUNS})`,
  'warm p99 (ms)',
  'DynamoDB + other AWS calls per invocation',
  'AWS wait p99 (ms)',
  `warm p99 <= ${WARM_BUDGET}x wait p99`,
  'answered',
];
const table = [
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, index) => (index === 0 || index === header.length - 1 || index === 7 || index === 12 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');

const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}`;
console.log(`\nHandler bundles and cold starts (${machine}); 1 KB = 1000 bytes.`);
console.log(`Cold = import + first invocation in a fresh process; baseline median ${ms(baselineCold)} ms.\n`);
console.log(table);

// ---- Local HTTP load: GET /api/licences through the local API Gateway ---------------------------------------------

if (LOAD_SECONDS > 0) {
  // The issuer is the server's own URL, known once it listens (as in test/support/api.ts).
  const apiOptions = { issuerBase: '', keysDir, clientIds: LOCAL_CLIENT_IDS };
  const localApi = createLocalApi(apiOptions);
  await new Promise<void>((resolve) => localApi.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(localApi.address() as AddressInfo).port}`;
  apiOptions.issuerBase = `${apiUrl}/local-idp`;
  const { key, kid } = await localSigningKey(keysDir, 'customer');
  const token = await new SignJWT({ token_use: 'access', client_id: LOCAL_CLIENT_IDS.customer })
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setSubject(DEMO_CUSTOMER_ID)
    .setIssuer(`${apiOptions.issuerBase}/customer`)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);
  console.log(`\nLocal HTTP load: GET /api/licences with a customer token, ${LOAD_SECONDS} s per run, loopback.\n`);
  console.log('| connections | req/s | p50 (ms) | p99 (ms) | non-2xx |\n| ---: | ---: | ---: | ---: | ---: |');
  for (const connections of [10, 50]) {
    // autocannon in its own process; the API answers from this one (so not execFileSync, which would block it).
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        AUTOCANNON,
        '-c',
        String(connections),
        '-d',
        String(LOAD_SECONDS),
        '-j',
        '-H',
        `authorization=Bearer ${token}`,
        `${apiUrl}/api/licences`,
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
    console.log(
      `| ${connections} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} |`,
    );
  }
  await new Promise<void>((resolve) => {
    localApi.close(() => resolve());
  });
}

await fakeAws.close();
await dynamo.stop();
rmSync(work, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });
if (failures.length) {
  console.error(`\nOver budget: ${failures.join(', ')}`);
  process.exitCode = 1;
}
