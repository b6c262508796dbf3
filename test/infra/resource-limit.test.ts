// CloudFormation refuses a stack of more than 500 resources. Every stack of a stage, nested ones included, stays under
// 450, so a handful of new routes never meets the limit at deploy time; the API stack's functions are split into one
// nested stack per area of the route table for this (infra/stacks/api-stack.ts).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stageConfig } from '#infra/config.ts';
import { addAtrium } from '#infra/stacks/atrium.ts';

const PROJECT_ROOT = path.join(import.meta.dirname, '..', '..');
const MARGIN_BELOW_LIMIT = 450;

describe('CloudFormation resource limit', () => {
  it('keeps every stack of the prod stage, nested ones included, under 450 resources', () => {
    const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    addAtrium(app, stageConfig('prod'), { webDistPath: path.join(PROJECT_ROOT, '.no-web-dist') });
    app.synth();
    const stacks = app.node.findAll().filter((construct): construct is Stack => construct instanceof Stack);
    expect(stacks.some((stack) => stack instanceof NestedStack)).toBe(true);
    const counts = Object.fromEntries(
      stacks.map((stack) => [stack.node.path, Object.keys((Template.fromStack(stack).toJSON() as { Resources: object }).Resources).length]),
    );
    const over = Object.entries(counts).filter(([, count]) => count > MARGIN_BELOW_LIMIT);
    expect(over, JSON.stringify(counts)).toEqual([]);
  });
});
