// CloudFormation refuses a stack of more than 500 resources. Every stack of a stage, nested ones included, stays under
// 450, so a handful of new routes never meets the limit at deploy time; the API stack's functions are split into one
// nested stack per area of the route table for this (infra/stacks/api-stack.ts).

import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthesizedStage } from '../support/synthesized-stage.ts';

const MARGIN_BELOW_LIMIT = 450;

describe('CloudFormation resource limit', () => {
  it('keeps every stack of the prod stage, nested ones included, under 450 resources', () => {
    const { app } = synthesizedStage('prod');
    const stacks = app.node.findAll().filter((construct): construct is Stack => construct instanceof Stack);
    expect(stacks.some((stack) => stack instanceof NestedStack)).toBe(true);
    const counts = Object.fromEntries(
      stacks.map((stack) => [stack.node.path, Object.keys((Template.fromStack(stack).toJSON() as { Resources: object }).Resources).length]),
    );
    const over = Object.entries(counts).filter(([, count]) => count > MARGIN_BELOW_LIMIT);
    expect(over, JSON.stringify(counts)).toEqual([]);
  });
});
