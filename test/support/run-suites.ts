// `npm test`'s vitest step: the browser tests and the other three projects as two vitest runs side by side, then one
// report of both (test-results/vitest.json, as a single `vitest run` writes it).
//
// Why two runs: in one `vitest run`, the browser project (one file at a time, `fileParallelism: false`) is a group of
// its own that vitest starts only after every other file has finished, so the ~9 minutes of browser tests ran on one
// worker while the second core was idle (docs/performance.md, "Test suite time: the third pass"). Two processes let the
// browser files run one at a time beside the others. Arguments are handed to both runs (a file filter, `--bail`).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');
const BLOBS = join(ROOT, 'test-results', 'blob');
const REPORT = join(ROOT, 'test-results', 'vitest.json');
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** The two runs: the browser files one at a time, and the rest two at a time (vitest.config.ts). */
const RUNS = [
  { label: 'e2e ', projects: ['e2e'] },
  { label: 'rest', projects: ['unit', 'integration', 'infra'] },
] as const;

/** One vitest process; its lines prefixed with its label, so the two logs can be told apart in one output. */
function vitest(label: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    // Piped output is not a terminal: keep vitest's colours when ours is one.
    const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
    const child = spawn(process.execPath, [VITEST, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      createInterface({ input: stream }).on('line', (line) => out.write(`${label} │ ${line}\n`));
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const extra = process.argv.slice(2);
// An earlier run's report must not stand in for this one's (.ci/run prints its counts).
rmSync(BLOBS, { recursive: true, force: true });
rmSync(REPORT, { force: true });
const codes = await Promise.all(
  RUNS.map(({ label, projects }) =>
    vitest(label, [
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      '--reporter=default',
      '--reporter=blob',
      `--outputFile.blob=${join(BLOBS, `${label.trim()}.json`)}`,
      // A file filter may match only one run's files: the other then has nothing to do, which is no failure.
      '--passWithNoTests',
      ...extra,
    ]),
  ),
);
// One JSON report of both runs, as one `vitest run` writes it (.ci/run reads it). A run that wrote no blob (it died
// before its report) would be missing from the merge, and its tests from the counts: then there is no report at all.
const blobs = RUNS.map(({ label }) => join(BLOBS, `${label.trim()}.json`));
const missing = blobs.filter((blob) => !existsSync(blob));
if (missing.length > 0) {
  console.error(`run-suites: no report from ${missing.join(', ')}: the run ended before it wrote one`);
  process.exit(1);
}
const merged = await vitest('all ', ['run', '--merge-reports', BLOBS, '--reporter=json', '--passWithNoTests']);
// A filter that matches no test file in either run is a mistake (as in one `vitest run`), not a pass.
const total = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')) as { numTotalTests: number }).numTotalTests : 0;
if (total === 0) console.error('run-suites: no test ran');
process.exit(Math.max(...codes, merged, total === 0 ? 1 : 0));
