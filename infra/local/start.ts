// `npm start`: the whole portal on this machine, on loopback, with demo data. `npm start -- --reset` wipes the data first.

// The AWS SDK warns that its 2027 releases need Node 22; Atrium targets Node >= 20.19 today (see README, Notes).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_CONTRACTS, DEMO_LOGINS, DEMO_MIGRATED_USER, DEMO_STAFF } from '#infra/local/seed.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';

const startedAt = performance.now();
const root = join(import.meta.dirname, '..', '..');
const dataDir = join(root, '.local');
const lockFile = join(dataDir, 'running.json');

const ports = {
  portal: Number(process.env.ATRIUM_PORT ?? 3000),
  dynamodb: Number(process.env.ATRIUM_DYNAMODB_PORT ?? 8000),
  mail: Number(process.env.ATRIUM_MAIL_PORT ?? 8005),
  s3: Number(process.env.ATRIUM_S3_PORT ?? 8006),
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

function fail(message: string): never {
  console.error(`\n  ${message}\n`);
  process.exit(1);
}

if (existsSync(lockFile)) {
  const running = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; portalUrl: string };
  if (isAlive(running.pid)) {
    fail(
      `Atrium is already running (process ${running.pid}) at ${running.portalUrl}.\n  Use that one, or stop it with Ctrl-C in its terminal first.`,
    );
  }
  rmSync(lockFile);
}

for (const [name, port] of Object.entries(ports)) {
  if (!(await portIsFree(port))) {
    const variable = { portal: 'ATRIUM_PORT', dynamodb: 'ATRIUM_DYNAMODB_PORT', mail: 'ATRIUM_MAIL_PORT', s3: 'ATRIUM_S3_PORT' }[name];
    fail(`Port ${port} (${name}) is taken by another program. Free it, or choose another: ${variable}=<port> npm start`);
  }
}

if (process.argv.includes('--reset')) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log('  Local data wiped (--reset).');
}
mkdirSync(dataDir, { recursive: true });

console.log('  Starting Atrium locally: DynamoDB Local, mail server, S3 server, API and web portal...');
const runtime = await startLocalRuntime({ dataDir, persist: true, ports, web: true, seed: true, scheduledJobs: true }).catch(
  (error: Error) => fail(`Atrium could not start: ${error.message}`),
);
writeFileSync(lockFile, JSON.stringify({ pid: process.pid, portalUrl: runtime.portalUrl }));

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\n  Stopping Atrium...');
  await runtime.stop();
  rmSync(lockFile, { force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
console.log(`
  Atrium is running (ready in ${seconds} s). Ctrl-C stops everything.

  Portal        ${runtime.portalUrl}/
  Staff pages   ${runtime.portalUrl}/admin
  Mailbox       ${runtime.mailUrl}/      (every e-mail Atrium sends; sign-in codes are here)
  DynamoDB      ${runtime.dynamodbEndpoint}  (table atrium-local, data in .local/)
  S3            ${runtime.s3Endpoint}  (bucket ${runtime.env.FILES_BUCKET}, objects in .local/s3/)

  Demo logins (then enter the code from the mailbox):
    customer    ${DEMO_LOGINS.customer.email} / ${DEMO_LOGINS.customer.password}
    customer    ${DEMO_LOGINS.secondCustomer.email} / ${DEMO_LOGINS.secondCustomer.password}
${DEMO_STAFF.map((staff) => `    staff       ${staff.email} / ${staff.password}  (${staff.groups.join(', ')})`).join('\n')}
    imported    ${DEMO_MIGRATED_USER.email} (old portal password ${DEMO_MIGRATED_USER.oldPassword}: asks for a new one via "Forgot your password?")
  Contracts to sign up with: ${DEMO_CONTRACTS.map((contract) => `${contract.contractNumber} / ${contract.activationCode}`).join(', ')}
`);
