// Replies by e-mail in AWS: SES's receipt rule for the stage's reply domain stores mail under `inbound/` in the files
// bucket (and nowhere else), the bucket notifies the receive-reply worker of `inbound/` objects only, and the worker may
// read `inbound/` and the reply-address key, nothing more of the bucket.

import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { workers } from '#functions/workers.ts';
import { stageConfig, ticketReplySecretName } from '#infra/config.ts';
import { HandlerFunction } from '#infra/constructs/handler-function.ts';
import { connectInboundMail, InboundMail } from '#infra/constructs/inbound-mail.ts';

const BUCKET_NAME = 'atrium-dev-files-test';

function statefulSide(stage: string, ruleSetName?: string): { app: App; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Stateful', { env: { region: 'eu-central-1' } });
  const base = stageConfig(stage);
  const config = ruleSetName && base.inboundMail ? { ...base, inboundMail: { ...base.inboundMail, ruleSetName } } : base;
  const bucket = new Bucket(stack, 'Files', {
    bucketName: BUCKET_NAME,
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
  });
  new InboundMail(stack, 'InboundMail', { config, bucket });
  return { app, template: Template.fromStack(stack) };
}

function apiSide(): { app: App; template: Template; stack: Stack } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Api', { env: { region: 'eu-central-1' } });
  const table = TableV2.fromTableAttributes(stack, 'Table', { tableName: 'atrium-dev', globalIndexes: ['GSI1', 'GSI2'] });
  const deadLetterQueue = new Queue(stack, 'InboundMailDeadLetters', { enforceSSL: true });
  const worker = new HandlerFunction(stack, 'ReceiveReply', {
    config: stageConfig('dev'),
    handler: 'ticket-mail/receive-reply',
    description: 'Worker ticket-mail/receive-reply (s3-inbound-mail)',
    table,
    tableAccess: 'read-write',
    environment: {},
    invocation: { kind: 'async', deadLetterQueue },
    ticketReplies: true,
  });
  connectInboundMail(stack, { bucketName: BUCKET_NAME, worker });
  return { app, template: Template.fromStack(stack), stack };
}

function statements(template: Template): Array<{ Action: string | string[]; Resource: unknown; Effect: string }> {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Effect: string }>,
  );
}

describe('the receipt rule (stateful side)', () => {
  it("receives the stage's reply domain with spam and virus scanning into inbound/ of the files bucket", () => {
    const { template } = statefulSide('dev');
    template.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'atrium-dev-inbound-mail' });
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Name: 'atrium-dev-ticket-replies',
        Enabled: true,
        Recipients: ['reply.dev.mail.atrium.example.com'],
        ScanEnabled: true,
        Actions: [{ S3Action: { BucketName: Match.anyValue(), ObjectKeyPrefix: 'inbound/' } }],
      }),
    });
  });

  it('lets SES put objects under inbound/ only, for this account only', () => {
    const { template } = statefulSide('dev');
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy'))[0]!;
    const sesStatements = (policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>).filter((statement) =>
      JSON.stringify(statement.Principal).includes('ses.amazonaws.com'),
    );
    expect(sesStatements).toHaveLength(1);
    expect(sesStatements[0]).toMatchObject({
      Action: 's3:PutObject',
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(JSON.stringify(sesStatements[0]!.Resource)).toContain('/inbound/*');
  });

  it('generates the reply-address key under its fixed name in every stage', () => {
    for (const stage of ['dev', 'alice']) {
      statefulSide(stage).template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: ticketReplySecretName(stageConfig(stage)),
      });
    }
  });

  it("receives nothing in a developer's throwaway stage", () => {
    const { template } = statefulSide('alice');
    template.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    template.resourceCountIs('AWS::SES::ReceiptRule', 0);
  });

  it("adds the rule to the account's active rule set when the stage names one", () => {
    const { template } = statefulSide('prod', 'company-inbound');
    template.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    template.hasResourceProperties('AWS::SES::ReceiptRule', { RuleSetName: 'company-inbound' });
  });

  it('leaves cdk-nag nothing unacknowledged', () => {
    const { app } = statefulSide('dev');
    app.synth();
    const findings = [new AwsSolutionsChecks(), new ServerlessChecks()]
      .flatMap((pack) => pack.validateScope(app).violations)
      .flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`))
      // The test's own stand-in for the files bucket (access logs, replication) is the attachments' concern.
      .filter((finding) => !finding.includes('/Files'));
    expect(findings).toEqual([]);
  });
});

describe('the notification and the worker (API side)', () => {
  it('notifies the worker of objects created under inbound/ only', () => {
    const { template } = apiSide();
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: BUCKET_NAME,
      Managed: false,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } },
            LambdaFunctionArn: Match.anyValue(),
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: Match.anyValue(),
    });
  });

  it('lets the worker read inbound/ and nothing else of the bucket, and the reply-address key', () => {
    const { template } = apiSide();
    const s3 = statements(template).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
    // The notifications custom resource's own role (PutBucketNotification) aside: only the worker's GetObject.
    const worker = s3.filter((statement) => !JSON.stringify(statement.Action).includes('BucketNotification'));
    expect(worker).toHaveLength(1);
    expect(worker[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(worker[0]!.Resource)).toContain(`:s3:::${BUCKET_NAME}/inbound/*`);
    const secrets = statements(template).filter((statement) => statement.Action === 'secretsmanager:GetSecretValue');
    expect(JSON.stringify(secrets)).toContain('atrium/dev/ticket-reply-key-??????');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TICKET_REPLY_SECRET_ID: 'atrium/dev/ticket-reply-key' }) },
      DeadLetterConfig: Match.anyValue(),
    });
  });

  it('leaves cdk-nag nothing unacknowledged', () => {
    const { app } = apiSide();
    app.synth();
    const findings = [new AwsSolutionsChecks(), new ServerlessChecks()]
      .flatMap((pack) => pack.validateScope(app).violations)
      .flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`))
      // The test's stand-in dead-letter queue is the API stack's concern (acknowledged there).
      .filter((finding) => !finding.includes('/InboundMailDeadLetters'));
    expect(findings).toEqual([]);
  });

  it('is one worker-table entry: S3-triggered, reading and writing the table, queueing mail, given the reply-address key', () => {
    expect(workers.filter((worker) => worker.trigger.kind === 's3-inbound-mail')).toEqual([
      {
        handler: 'ticket-mail/receive-reply',
        trigger: { kind: 's3-inbound-mail' },
        table: 'read-write',
        queuesMail: true,
        ticketReplies: true,
      },
    ]);
  });
});
