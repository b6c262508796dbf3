// The function construct shared by routes and workers, on its own: the grants that follow from an entry's table access
// and mail sending, for combinations the current tables do not have yet.

import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { stageConfig } from '#infra/config.ts';
import { COGNITO_ADMIN_ACTIONS } from '#shared/identity/cognito-admin-actions.ts';
import { HandlerFunction, type Invocation, type MailSending } from '#infra/constructs/handler-function.ts';

const POOL_ARNS = {
  customer: 'arn:aws:cognito-idp:eu-central-1:111111111111:userpool/eu-central-1_customer',
  staff: 'arn:aws:cognito-idp:eu-central-1:111111111111:userpool/eu-central-1_staff',
};

function synth(
  mail?: 'queue' | 'ses',
  options: { userPoolArns?: typeof POOL_ARNS; invocation?: Invocation } = {},
): { app: App; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test', { env: { region: 'eu-central-1' } });
  // As the API stack imports it: with its secondary index, so grants reach `/index/*` too.
  const table = TableV2.fromTableAttributes(stack, 'Table', { tableName: 'atrium-test', globalIndexes: ['GSI1'] });
  const queue = new Queue(stack, 'Queue');
  const sending: Record<'queue' | 'ses', MailSending> = {
    queue: { via: 'queue', queue, configurationSetName: 'atrium-test' },
    ses: { via: 'ses', resourceArns: ['arn:aws:ses:eu-central-1:111111111111:identity/example.com'], configurationSetName: 'atrium-test' },
  };
  new HandlerFunction(stack, 'Fn', {
    config: stageConfig('test'),
    handler: 'system/get-health',
    description: 'test',
    table,
    tableAccess: 'none',
    environment: {},
    invocation: options.invocation ?? { kind: 'http' },
    ...(mail ? { mail: sending[mail] } : {}),
    ...(options.userPoolArns ? { userPoolArns: options.userPoolArns } : {}),
  });
  return { app, template: Template.fromStack(stack) };
}

const build = (mail?: 'queue' | 'ses') => synth(mail).template;

const dynamoActions = (template: Template) =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
    .flatMap((statement) => [statement.Action].flat())
    .filter((action) => action.startsWith('dynamodb:'));

describe('HandlerFunction', () => {
  it("grants no table action to an entry with table access 'none' that sends no mail", () => {
    expect(dynamoActions(build())).toEqual([]);
  });

  it("lets an entry with table access 'none' that queues mail read the suppression list, and nothing more", () => {
    expect(dynamoActions(build('queue'))).toEqual(['dynamodb:GetItem']);
  });

  it('acknowledges the index wildcard of that read, so cdk-nag still passes', () => {
    const { app } = synth('queue');
    const iam5 = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.filter((violation) => violation.ruleName.startsWith('AwsSolutions-IAM5'));
    expect(iam5.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('sets SES_CONFIGURATION_SET for either way of sending and MAIL_QUEUE_URL only for queueing', () => {
    build('queue').hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_QUEUE_URL: Match.anyValue(), SES_CONFIGURATION_SET: 'atrium-test' }) },
    });
    const ses = build('ses');
    ses.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SES_CONFIGURATION_SET: 'atrium-test' }) },
    });
    const variables = Object.values(ses.findResources('AWS::Lambda::Function'))[0]?.Properties.Environment.Variables;
    expect(variables).not.toHaveProperty('MAIL_QUEUE_URL');
  });

  it("grants no user-pool action unless the entry says identityAdmin, and then only the adapter's, per pool", () => {
    const cognitoStatements = (template: Template) =>
      Object.values(template.findResources('AWS::IAM::Policy'))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')));
    expect(cognitoStatements(build())).toEqual([]);
    const statements = cognitoStatements(synth(undefined, { userPoolArns: POOL_ARNS }).template);
    expect(statements).toEqual([
      expect.objectContaining({ Action: [...COGNITO_ADMIN_ACTIONS.customer], Resource: POOL_ARNS.customer }),
      expect.objectContaining({ Action: [...COGNITO_ADMIN_ACTIONS.staff], Resource: POOL_ARNS.staff }),
    ]);
  });

  it("stops a user pool trigger at Cognito's 5-second limit and acknowledges that it needs no DLQ", () => {
    const { app, template } = synth(undefined, { invocation: { kind: 'cognito' } });
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 5 });
    app.synth();
    const dlq = new ServerlessChecks().validateScope(app).violations.filter((violation) => violation.ruleName.includes('LambdaDLQ'));
    expect(dlq).toEqual([]);
  });
});
