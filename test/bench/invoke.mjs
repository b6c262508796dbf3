// `npm run bench`, in a fresh Node process per measurement: imports one handler bundle and invokes it, as Lambda's
// runtime would on a cold start, then (warm mode) invokes it again and again. Plain JavaScript, so that nothing but
// Node itself runs before the bundle. Every HTTP request the handler makes is counted (DynamoDB Local by its port,
// anything else is the fake AWS server) and the time spent waiting for it is summed per invocation.
//
// Input (environment): BENCH_BUNDLE, BENCH_EVENT (JSON; each "%UNIQUE%" becomes a fresh id, "%IP%" a fresh address,
// "%IAT%" the epoch second, per invocation),
// BENCH_MODE (cold | warm), BENCH_WARM_RUNS, BENCH_DDB_PORT, BENCH_OUT (a file for the JSON result); BENCH_TRACE=1 prints
// every request to stderr.

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';

const { BENCH_BUNDLE, BENCH_EVENT, BENCH_MODE, BENCH_DDB_PORT, BENCH_OUT } = process.env;
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 200);

let current;
const originalRequest = http.request;
http.request = function request(...args) {
  const sent = originalRequest.apply(this, args);
  const record = current;
  if (record) {
    const options = args[0] instanceof URL ? { port: args[0].port } : typeof args[0] === 'object' ? args[0] : new URL(args[0]);
    const kind = String(options.port ?? '') === BENCH_DDB_PORT ? 'ddb' : 'other';
    if (process.env.BENCH_TRACE)
      process.stderr.write(`${options.method ?? 'GET'} ${options.hostname ?? options.host}:${options.port ?? ''}${options.path ?? ''}\n`);
    record[kind] += 1;
    const started = performance.now();
    sent.once('close', () => {
      record.waitMs += performance.now() - started;
    });
  }
  return sent;
};
syncBuiltinESMExports();

const context = {
  functionName: 'atrium-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:atrium-bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench',
  logGroupName: 'bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: false,
  // Short, so that a handler stuck on a call ends within seconds (and shows as an error in the table).
  getRemainingTimeInMillis: () => 5_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

// "%IP%" becomes a fresh address of 198.18.0.0/15 (RFC 2544, for benchmarks), so per-IP limits do not turn runs into 429s.
const freshIp = () => `198.${18 + Math.floor(Math.random() * 2)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
const eventFor = () =>
  JSON.parse(
    BENCH_EVENT.replaceAll('%UNIQUE%', randomUUID().replaceAll('-', '').slice(0, 20))
      .replaceAll('%IP%', freshIp())
      .replaceAll('%IAT%', String(Math.floor(Date.now() / 1000))),
  );

async function invoke(handler) {
  const record = { ddb: 0, other: 0, waitMs: 0 };
  current = record;
  const event = eventFor();
  const started = performance.now();
  let status;
  try {
    const result = await handler(event, { ...context, awsRequestId: randomUUID() });
    status = result && typeof result === 'object' && 'statusCode' in result ? result.statusCode : 'ok';
  } catch (error) {
    status = `error: ${error?.name ?? 'Error'}`;
    if (process.env.BENCH_TRACE) process.stderr.write(`${error?.stack ?? error}\n`);
  }
  // Requests finish (and their 'close' fires) just after the handler resolves.
  const ms = performance.now() - started;
  await new Promise((resolve) => setImmediate(resolve));
  current = undefined;
  return { ms, status, ...record };
}

const t0 = performance.now();
const { handler } = await import(BENCH_BUNDLE);
const importMs = performance.now() - t0;
const first = await invoke(handler);
const result = { importMs, firstMs: first.ms, coldMs: importMs + first.ms, status: first.status, ddb: first.ddb, other: first.other };
// A handler whose first invocation failed is not measured warm: its failure is the finding.
if (BENCH_MODE === 'warm' && !String(first.status).startsWith('error') && !(first.status >= 500)) {
  result.warm = [];
  for (let run = 0; run < WARM_RUNS; run += 1) result.warm.push(await invoke(handler));
}
writeFileSync(BENCH_OUT, JSON.stringify(result));
process.exit(0);
