// Four kinds of test, one command: `npm test` runs them all (after the type check).

// The AWS SDK warns that its 2027 releases need Node 22; Atrium targets Node >= 20.19 today (see README, Notes).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets .ci/run close with a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Vitest's default is one worker fewer than the cores: ONE file at a time on the 2-core CI machine, where a file
    // waiting on DynamoDB Local, a server or esbuild leaves a core idle. Two files at a time there (each integration
    // file has its own table; docs/performance.md, "Test suite time"); the browser tests stay one file at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          env: { LOG_LEVEL: 'SILENT' },
          // A hang guard, not a budget: a unit file may share the 2 cores with a CDK synth (two files at a time), and the
          // licence CLI test starts node six times in one test (over vitest's default 5 s at a load average of ~10).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/engines.global-setup.ts'],
          setupFiles: ['test/support/integration.setup.ts'],
          // Hang guards, not budgets (speed is measured in npm run bench): generous for a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          // The files of a worker share one module graph, so the whole app is synthesised once per stage per worker
          // (test/support/synthesized-stage.ts), not once per file. Infra tests read the app; none changes globals.
          isolate: false,
          // Hang guards: the first test or hook of a worker to read a stage pays its synth (CloudFormation validation on),
          // which took up to 220 s at a load average of ~18 here.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/portal.global-setup.ts'],
          // A layout test walks a whole area's pages in two languages and two widths: a hang guard, not a budget.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // One browser file at a time (they share the demo accounts and the portal's per-address limits). In one
          // `vitest run` such a project is a group vitest starts only after all the others: `npm test` therefore runs it
          // as a vitest run of its own beside the other three (test/support/run-suites.ts).
          fileParallelism: false,
        },
      },
    ],
  },
});
