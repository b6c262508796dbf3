// `npm run bench`: does "forgot password" answer a registered e-mail as fast as an unknown one? The local portal on
// free ports (DynamoDB Local, the local mail server, the API as `npm start` runs it); known and unknown addresses are
// asked for in turns, each from its own source IP and each address once (the account-mail limits would answer 429),
// and the medians of the wall-clock times are printed side by side. A benchmark, not a test: it asserts nothing.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalApi } from '#infra/local/api-server.ts';
import { LOCAL_CLIENT_IDS, startLocalRuntime } from '#infra/local/runtime.ts';
import { putLocalUser } from '#shared/identity/local.ts';
import { freePort } from '../support/ports.ts';

const SAMPLES = Number(process.env.BENCH_RUNS ?? 24);
const WARM_UP = 4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
process.env.LOG_LEVEL = 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const runtime = await startLocalRuntime({
  dataDir,
  persist: false,
  ports: { portal: await freePort(), dynamodb: await freePort(), mail: await freePort(), s3: await freePort() },
  web: false,
  seed: false,
});
// A second API on the same engines that takes X-Forwarded-For, so every request has its own source IP.
const api = createLocalApi({
  issuerBase: runtime.env.LOCAL_IDP_ISSUER_BASE!,
  keysDir: runtime.env.LOCAL_IDP_KEYS_DIR!,
  clientIds: LOCAL_CLIENT_IDS,
  trustForwardedFor: true,
});
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/auth/customer/forgot-password`;

let ipCounter = 0;
async function ask(email: string): Promise<number> {
  ipCounter += 1;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${ipCounter >> 8}.${ipCounter & 255}` },
    body: JSON.stringify({ email }),
  });
  await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 202) throw new Error(`forgot-password answered ${response.status} for ${email}`);
  return elapsed;
}

try {
  const known: string[] = [];
  for (let index = 0; index < SAMPLES + WARM_UP; index += 1) {
    const email = `bench-known-${index}.${randomUUID().slice(0, 6)}@example.test`;
    await putLocalUser({ pool: 'customer', email, password: 'Bench-Password-1' });
    known.push(email);
  }
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let index = 0; index < SAMPLES + WARM_UP; index += 1) {
    // Alternate which kind goes first, so neither always follows the other.
    const pair = [
      ['known', known[index]!],
      ['unknown', `bench-unknown-${index}.${randomUUID().slice(0, 6)}@example.test`],
    ] as const;
    for (const [kind, email] of index % 2 ? [...pair].reverse() : pair) {
      const elapsed = await ask(email);
      if (index >= WARM_UP) times[kind].push(elapsed);
    }
  }
  const knownMedian = median(times.known);
  const unknownMedian = median(times.unknown);
  console.log(`\nForgot password, local adapter: median of ${SAMPLES} requests each (wall clock through the local API)`);
  console.log('  registered e-mail   unknown e-mail   difference');
  console.log(
    `  ${knownMedian.toFixed(1).padStart(14)} ms ${unknownMedian.toFixed(1).padStart(13)} ms ${(knownMedian - unknownMedian).toFixed(1).padStart(9)} ms`,
  );
} finally {
  // The reset links leave without the requests waiting: let them arrive before the mail server stops.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { emails } = (await (await fetch(`${runtime.mailUrl}/store`)).json()) as { emails: unknown[] };
    if (emails.length >= SAMPLES + WARM_UP) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise<void>((resolve) => api.close(() => resolve()));
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
