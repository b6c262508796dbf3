// `npm run bench`: builds every handler as CDK does and prints bytes, gzip bytes and module import time against the budgets.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { allHandlers, buildHandler } from '../support/bundles.ts';

const BUDGET_BYTES = 250 * 1000;
const AIM_BYTES = 150 * 1000;
const IMPORT_BUDGET_MS = 60;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const outDir = join(import.meta.dirname, '..', '..', '.bench', 'handlers');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** Milliseconds to import a module in a fresh Node process: what a cold start pays for the bundle's top level. */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const empty = join(outDir, 'empty.mjs');
writeFileSync(empty, 'export const handler = async () => ({});\n');

const rows: Array<{ handler: string; bytes: number; gzip: number; importMs: number }> = [];
const unique = allHandlers;
for (const handler of unique) {
  const code = await buildHandler(handler);
  const file = join(outDir, `${handler.replace('/', '__')}.mjs`);
  writeFileSync(file, code);
  rows.push({ handler, bytes: code.length, gzip: gzipSync(code).length, importMs: 0 });
}

// Interleave the runs so that a busy moment on the machine spreads over every handler alike.
const samples = new Map<string, number[]>([['empty', []], ...rows.map((row) => [row.handler, []] as [string, number[]])]);
for (let run = 0; run < RUNS; run += 1) {
  samples.get('empty')!.push(importMs(empty));
  for (const row of rows) samples.get(row.handler)!.push(importMs(join(outDir, `${row.handler.replace('/', '__')}.mjs`)));
}
const baseline = median(samples.get('empty')!);
for (const row of rows) row.importMs = median(samples.get(row.handler)!) - baseline;

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const lines = [
  `| handler | bytes (KB) | gzip (KB) | import overhead (ms, median of ${RUNS}) | within budget |`,
  '| --- | ---: | ---: | ---: | --- |',
  ...rows.map(
    (row) =>
      `| ${row.handler} | ${kb(row.bytes)} | ${kb(row.gzip)} | ${row.importMs.toFixed(1)} | ${
        row.bytes <= BUDGET_BYTES && row.importMs <= IMPORT_BUDGET_MS ? (row.bytes <= AIM_BYTES ? 'yes (within aim)' : 'yes') : 'NO'
      } |`,
  ),
];
console.log(`\nHandler bundles (esbuild, ESM, minified, AWS SDK bundled); empty-module import: ${baseline.toFixed(1)} ms`);
console.log(`Budgets: <= ${kb(BUDGET_BYTES)} KB (aim ${kb(AIM_BYTES)} KB), import overhead <= ${IMPORT_BUDGET_MS} ms. 1 KB = 1000 bytes.\n`);
console.log(lines.join('\n'));
const over = rows.filter((row) => row.bytes > BUDGET_BYTES || row.importMs > IMPORT_BUDGET_MS);
if (over.length) {
  console.error(`\nOver budget: ${over.map((row) => row.handler).join(', ')}`);
  process.exitCode = 1;
}
