// cdk-nag (AwsSolutions and Serverless packs) finds nothing unacknowledged in any kind of stage, every
// acknowledgement says why, and the same checks fail `cdk synth` when something new slips in.

import { type App, type PolicyViolation, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { addNagChecks } from '#infra/stacks/atrium.ts';
import { buildStage, synthesizedStage } from '../support/synthesized-stage.ts';

/** One readable line per finding: rule, then where. */
function findings(app: App): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()]
    .flatMap((pack) => pack.validateScope(app).violations)
    .map(
      (violation: PolicyViolation) =>
        `${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
    );
}

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag', () => {
  // dev: shared non-prod; prod: PLUS plan, retained resources; alice: a throwaway developer stage.
  it.each(['dev', 'prod', 'alice'])('reports no unacknowledged finding in the %s stage', (stage) => {
    expect(findings(synthesizedStage(stage).app)).toEqual([]);
  });

  it('has a reason a reviewer can read for every acknowledgement, each on the construct it concerns', () => {
    const acks = acknowledgements(synthesizedStage('dev').app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
      // No blanket acknowledgements on the app or a whole stack.
      expect(ack.path.split('/').length, `${ack.id} at ${ack.path}`).toBeGreaterThan(1);
    }
  });

  it('acknowledges the ESSENTIALS plan outside prod only', () => {
    const ids = (stage: string) => acknowledgements(synthesizedStage(stage).app).map((ack) => ack.id);
    expect(ids('dev').some((id) => id.includes('AwsSolutions-COG8'))).toBe(true);
    expect(ids('prod').some((id) => id.includes('AwsSolutions-COG8'))).toBe(false);
  });

  it('fixes the queue, topic and event-target findings instead of acknowledging them; rotation is waived for the signing key, the unsubscribe-link key and the ticket reply-address key only', () => {
    const acks = acknowledgements(synthesizedStage('prod').app);
    const fixed = ['SQS2', 'SQS3', 'SQS4', 'SNS2', 'SNS3', 'KMS5'].map((rule) => `AwsSolutions-${rule}`);
    expect(acks.filter((ack) => [...fixed, 'Serverless-EventBusDLQ'].some((id) => ack.id.includes(id)))).toEqual([]);
    expect(acks.filter((ack) => ack.id.includes('AwsSolutions-SMG4')).map((ack) => ack.path)).toEqual([
      'atrium-prod-stateful/InboundMail/ReplyKey',
      'atrium-prod-stateful/LicenceSigningKey',
      'atrium-prod-stateful/UnsubscribeLinkKey',
    ]);
  });

  // One app of its own (the shared one is never added to): first as `cdk synth` builds it, then with a bad resource.
  it('lets the app synthesise with the checks registered as `cdk synth` runs them, and fails synth when a new resource breaks a rule', () => {
    // Built-in CloudFormation validation is covered by the shared app; here only cdk-nag matters.
    const { app, stacks } = buildStage('dev', { builtinCloudFormationValidation: false });
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
    new Bucket(stacks.web, 'Unlogged');
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-S1'/);
  });
});
