// The app of a stage as `cdk synth` builds it (infra/app.ts: cdk.json's context and feature flags, CloudFormation
// validation on), minus bundling, synthesised ONCE per stage per vitest worker and read by every infra test: a synth of
// the whole app costs seconds, and the infra files used to build the same app a dozen times. The infra project runs
// its files with `isolate: false` (vitest.config.ts), so this module, and its cache, is shared by the files a worker runs.
// Tests read it and never add to it; a test that must change the app (add a resource, register the checks) builds
// its own with `buildStage`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { stageConfig } from '#infra/config.ts';
import { PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';
import { type AtriumStacks, addAtrium } from '#infra/stacks/atrium.ts';
import { templateWithNested } from './stack-template.ts';

export const CDK_CONTEXT = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
  .context;

/** A new, unsynthesised app of the stage as `cdk synth` builds it, minus bundling. */
export function buildStage(stage: string, options: { builtinCloudFormationValidation?: boolean } = {}): { app: App; stacks: AtriumStacks } {
  const app = new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] }, ...options });
  // A folder that never exists: tests must not depend on whether someone has built the web app.
  const stacks = addAtrium(app, stageConfig(stage), { webDistPath: path.join(PROJECT_ROOT, '.no-web-dist') });
  return { app, stacks };
}

export interface SynthesizedStage {
  app: App;
  stacks: AtriumStacks;
  stateful: Template;
  /** The API stack with its nested stacks' resources merged in (test/support/stack-template.ts). */
  api: Template;
  web: Template;
}

const synthesized = new Map<string, SynthesizedStage>();

/** The stage's app, synthesised (once per worker) with CloudFormation validation on, and its stacks' templates. */
export function synthesizedStage(stage: string): SynthesizedStage {
  let found = synthesized.get(stage);
  if (!found) {
    const { app, stacks } = buildStage(stage);
    app.synth();
    found = {
      app,
      stacks,
      stateful: Template.fromStack(stacks.stateful),
      api: templateWithNested(stacks.api),
      web: Template.fromStack(stacks.web),
    };
    synthesized.set(stage, found);
  }
  return found;
}
