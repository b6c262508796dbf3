// What each stage deploys: the table from shared/db/table.ts, the two user pools with the customer pool's triggers, the
// licence-signing secret and the SES configuration set; one function, route, authorizer and grant per route-table entry;
// one function and trigger per worker-table entry with the mail queue; the alarms and the dashboard; and the web front
// door. Synthesised once per stage (test/support/synthesized-stage.ts), without bundling.

import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { type CognitoTriggerOperation, cognitoTriggers, workers } from '#functions/workers.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { COGNITO_ADMIN_ACTIONS } from '#shared/identity/cognito-admin-actions.ts';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/db/table.ts';
import { stageConfig } from '#infra/config.ts';
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from '#shared/http/security-headers.ts';
import { type SynthesizedStage, synthesizedStage } from '../support/synthesized-stage.ts';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;

/** The function built for a route or worker entry, named after its handler module. */
const functionName = (stage: string, entry: { handler: string }) => `atrium-${stage}-${entry.handler.replaceAll('/', '-')}`;

function logicalIdOf(template: Template, type: string, props: Record<string, unknown>): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found, `${type} ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0] as string;
}

/** Every IAM action granted to the role of the function of a route or worker entry. */
function actionsOf(template: Template, stage: string, entry: { handler: string }): { action: string; resources: unknown[] }[] {
  const fnId = logicalIdOf(template, 'AWS::Lambda::Function', { FunctionName: functionName(stage, entry) });
  const fn = template.toJSON().Resources[fnId] as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } };
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).flatMap((statement) =>
      [statement.Action].flat().map((action) => ({ action, resources: [statement.Resource].flat() })),
    ),
  );
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe.each(['dev', 'prod'])('the %s stage', (stage) => {
  const prod = stage === 'prod';
  let t: SynthesizedStage;

  beforeAll(() => {
    // The app as `cdk synth` builds it (cdk.json's feature flags, CloudFormation validation on), minus bundling.
    t = synthesizedStage(stage);
  });

  describe('stateful stack', () => {
    it('builds the single table from shared/db/table.ts, on demand, with TTL and point-in-time recovery', () => {
      t.stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
      t.stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        TableName: `atrium-${stage}`,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: GLOBAL_SECONDARY_INDEXES.map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: prod,
          }),
        ],
      });
    });

    it(prod ? 'retains the table and the user pools' : 'destroys the table and the user pools with the stack', () => {
      const policy = prod ? 'Retain' : 'Delete';
      t.stateful.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: policy, UpdateReplacePolicy: policy });
      t.stateful.allResources('AWS::Cognito::UserPool', { DeletionPolicy: policy, UpdateReplacePolicy: policy });
      t.stateful.allResourcesProperties('AWS::Cognito::UserPool', { DeletionProtection: prod ? 'ACTIVE' : 'INACTIVE' });
    });

    const pool = (audience: 'customer' | 'staff') => {
      const found = Object.values(
        t.stateful.findResources('AWS::Cognito::UserPool', {
          Properties: Match.objectLike({ UserPoolName: `atrium-${stage}-${audience}` }),
        }),
      );
      expect(found, audience).toHaveLength(1);
      return found[0]!.Properties as Record<string, unknown> & { EnabledMfas: string[]; Schema: Array<{ Name: string }> };
    };

    it('requires an e-mailed one-time code on top of the password for customers', () => {
      t.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolName: `atrium-${stage}-customer`,
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        MfaConfiguration: 'ON',
        UserPoolTier: prod ? 'PLUS' : 'ESSENTIALS',
        EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER' }),
      });
      expect(pool('customer').EnabledMfas).toContain('EMAIL_OTP');
    });

    it(
      prod
        ? 'turns threat protection on (PLUS plan), audit-only for the order-number flow'
        : 'runs the ESSENTIALS plan without threat protection',
      () => {
        for (const audience of ['customer', 'staff'] as const)
          expect(pool(audience).UserPoolTier, audience).toBe(prod ? 'PLUS' : 'ESSENTIALS');
        if (prod) {
          expect(pool('customer').UserPoolAddOns).toEqual({
            AdvancedSecurityMode: 'ENFORCED',
            AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'AUDIT' },
          });
          expect(pool('staff').UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
        } else {
          for (const audience of ['customer', 'staff'] as const) expect(pool(audience).UserPoolAddOns, audience).toBeUndefined();
        }
      },
    );

    it('changes an e-mail address only once the new one is verified, and keeps a locale for the e-mails', () => {
      for (const audience of ['customer', 'staff'] as const) {
        expect(pool(audience).UserAttributeUpdateSettings, audience).toEqual({ AttributesRequireVerificationBeforeUpdate: ['email'] });
        expect(pool(audience).Schema, audience).toContainEqual({ Name: 'locale', Mutable: true, Required: false });
      }
    });

    it("wires the customer pool's four triggers and the staff pool's custom message to the worker-table functions, by name", () => {
      const lambdaConfig = pool('customer').LambdaConfig as Record<string, unknown>;
      const operations: CognitoTriggerOperation[] = [
        'DefineAuthChallenge',
        'CreateAuthChallenge',
        'VerifyAuthChallengeResponse',
        'CustomMessage',
      ];
      expect(Object.keys(lambdaConfig).sort()).toEqual([...operations].sort());
      for (const { operation, handler } of cognitoTriggers('customer')) {
        // An ARN built from the function's fixed name: no reference from this stack to the API stack.
        expect(JSON.stringify(lambdaConfig[operation]), operation).toContain(`:function:${functionName(stage, { handler })}"`);
      }
      // Staff: only Atrium's e-mails (the invitation, reset links to /admin); no order-number sign-in.
      const staffConfig = pool('staff').LambdaConfig as Record<string, unknown>;
      expect(Object.keys(staffConfig)).toEqual(['CustomMessage']);
      expect(JSON.stringify(staffConfig.CustomMessage)).toContain(
        `:function:${functionName(stage, { handler: 'identity/staff-custom-message' })}"`,
      );
      expect(JSON.stringify(t.stateful.toJSON())).not.toContain(`atrium-${stage}-api`);
    });

    it('lets no one sign up to the staff pool, requires the e-mailed code and gives it the staff groups', () => {
      t.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolName: `atrium-${stage}-staff`,
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'ON',
      });
      expect(pool('staff').EnabledMfas).toContain('EMAIL_OTP');
      const groups = Object.values(t.stateful.findResources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
      expect(groups.sort()).toEqual([...STAFF_GROUPS].sort());
    });

    it('gives each pool a secretless client that hides whether an account exists, revokes refresh tokens and issues 15-minute tokens', () => {
      t.stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
      t.stateful.allResourcesProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AccessTokenValidity: 15,
        AuthSessionValidity: 10,
        TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
      });
    });

    it('allows the custom auth flow (order-number sign-in) on the customer client only', () => {
      const flows = (audience: 'customer' | 'staff') =>
        Object.values(
          t.stateful.findResources('AWS::Cognito::UserPoolClient', {
            Properties: Match.objectLike({ ClientName: `atrium-${stage}-${audience}-web` }),
          }),
        )[0]?.Properties.ExplicitAuthFlows as string[];
      expect(flows('customer').sort()).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
      expect(flows('staff').sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
    });
  });

  describe('licence-signing key and mail configuration set', () => {
    it(`keeps the licence-signing key in a secret named for the stage${prod ? ', retained in prod' : ', deleted with the stack'}`, () => {
      // Two secrets: the licence-signing key and the unsubscribe-link key (the mailing list).
      t.stateful.resourceCountIs('AWS::SecretsManager::Secret', 3);
      const policy = prod ? 'Retain' : 'Delete';
      for (const name of ['licence-signing-key', 'unsubscribe-link-key', 'ticket-reply-key']) {
        t.stateful.hasResource('AWS::SecretsManager::Secret', {
          Properties: Match.objectLike({ Name: `atrium/${stage}/${name}` }),
          DeletionPolicy: policy,
          UpdateReplacePolicy: policy,
        });
      }
    });

    it('builds the configuration set with SES suppression of bounces and complaints', () => {
      t.stateful.resourceCountIs('AWS::SES::ConfigurationSet', 1);
      t.stateful.hasResourceProperties('AWS::SES::ConfigurationSet', {
        Name: `atrium-${stage}`,
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        ReputationOptions: { ReputationMetricsEnabled: true },
      });
    });

    it("publishes the configuration set's bounces and complaints, and nothing else, to the default event bus", () => {
      const configurationSetId = logicalIdOf(t.stateful, 'AWS::SES::ConfigurationSet', { Name: `atrium-${stage}` });
      t.stateful.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
      t.stateful.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        ConfigurationSetName: { Ref: configurationSetId },
        EventDestination: Match.objectLike({
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          EventBridgeDestination: {
            EventBusArn: {
              'Fn::Join': ['', [Match.stringLikeRegexp('^arn:aws:events:'), { Ref: 'AWS::AccountId' }, ':event-bus/default']],
            },
          },
        }),
      });
    });
  });

  describe('workers and the mail queue', () => {
    const deliverMail = workers.find((worker) => worker.trigger.kind === 'mail-queue');
    const recordFeedback = workers.find((worker) => worker.trigger.kind === 'ses-feedback');
    const functionId = (entry: { handler: string }) =>
      logicalIdOf(t.api, 'AWS::Lambda::Function', { FunctionName: functionName(stage, entry) });

    it('has a worker for each trigger: the mail queue and SES feedback', () => {
      expect(deliverMail?.handler).toBe('workers/deliver-mail');
      expect(recordFeedback?.handler).toBe('workers/record-mail-feedback');
    });

    it('encrypts the mail queue, refuses plain HTTP, and moves a message to a 14-day DLQ after 5 failed receives', () => {
      const deadLettersId = logicalIdOf(t.api, 'AWS::SQS::Queue', { QueueName: `atrium-${stage}-mail-dlq` });
      t.api.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `atrium-${stage}-mail`,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] }, maxReceiveCount: 5 },
      });
      t.api.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `atrium-${stage}-mail-dlq`,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      t.api.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
      t.api.allResourcesProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });

    it("keeps a message invisible for at least six times the worker's timeout", () => {
      const queue = Object.values(
        t.api.findResources('AWS::SQS::Queue', { Properties: Match.objectLike({ QueueName: `atrium-${stage}-mail` }) }),
      )[0];
      const worker = t.api.toJSON().Resources[functionId(deliverMail!)];
      expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * worker.Properties.Timeout);
    });

    it('feeds the mail queue to deliver-mail in batches of 10 and retries only the messages that failed', () => {
      const mailQueueId = logicalIdOf(t.api, 'AWS::SQS::Queue', { QueueName: `atrium-${stage}-mail` });
      t.api.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
      t.api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [mailQueueId, 'Arn'] },
        FunctionName: { Ref: functionId(deliverMail!) },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });

    it("sends this stage's SES bounces and complaints to record-mail-feedback, with retries and a DLQ", () => {
      const deadLettersId = logicalIdOf(t.api, 'AWS::SQS::Queue', { QueueName: `atrium-${stage}-mail-feedback-dlq` });
      t.api.resourceCountIs('AWS::Events::Rule', 1);
      t.api.hasResourceProperties('AWS::Events::Rule', {
        State: 'ENABLED',
        EventPattern: {
          source: ['aws.ses'],
          'detail-type': ['Email Bounced', 'Email Complaint'],
          detail: { mail: { tags: { 'ses:configuration-set': [`atrium-${stage}`] } } },
        },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [functionId(recordFeedback!), 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] } },
            RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
          }),
        ],
      });
      // Lambda's own asynchronous retries end in the same queue.
      t.api.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName(stage, recordFeedback!),
        DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] } },
      });
    });

    it('lets deliver-mail send through SES only as the stage sender with its configuration set; record-mail-feedback cannot send', () => {
      const ses = actionsOf(t.api, stage, deliverMail!).filter(({ action }) => action.startsWith('ses:'));
      expect(ses.map(({ action }) => action)).toEqual(['ses:SendEmail']);
      const resources = JSON.stringify(ses[0]?.resources);
      expect(resources).toContain(':identity/');
      expect(resources).toContain(`:configuration-set/atrium-${stage}`);
      expect(ses[0]?.resources).not.toContain('*');
      expect(actionsOf(t.api, stage, recordFeedback!).filter(({ action }) => action.startsWith('ses:'))).toEqual([]);
    });

    it('grants each worker the table access its entry declares', () => {
      for (const worker of workers) {
        const dynamo = actionsOf(t.api, stage, worker)
          .map(({ action }) => action)
          .filter((action) => action.startsWith('dynamodb:'));
        // Queueing mail reads the suppression list first (shared/mail/send.ts).
        if (worker.table === 'none') expect(dynamo, worker.handler).toEqual(worker.queuesMail ? ['dynamodb:GetItem'] : []);
        if (worker.table === 'read')
          expect(
            dynamo.filter((action) => WRITE_ACTIONS.includes(action)),
            worker.handler,
          ).toEqual([]);
        if (worker.table === 'read-write') expect(dynamo, worker.handler).toEqual(expect.arrayContaining(WRITE_ACTIONS));
      }
    });
  });

  describe('user pool triggers', () => {
    const triggers = [...cognitoTriggers('customer'), ...cognitoTriggers('staff')];
    const functionId = (handler: string) => logicalIdOf(t.api, 'AWS::Lambda::Function', { FunctionName: functionName(stage, { handler }) });

    it('has a worker for each trigger of the order-number flow and for the e-mails of each pool', () => {
      expect(
        cognitoTriggers('customer')
          .map(({ operation }) => operation)
          .sort(),
      ).toEqual(['CreateAuthChallenge', 'CustomMessage', 'DefineAuthChallenge', 'VerifyAuthChallengeResponse'].sort());
      expect(cognitoTriggers('staff').map(({ operation }) => operation)).toEqual(['CustomMessage']);
    });

    it('lets Cognito invoke each trigger function, from its own pool of this account only', () => {
      const permissions = Object.values(
        t.api.findResources('AWS::Lambda::Permission', { Properties: Match.objectLike({ Principal: 'cognito-idp.amazonaws.com' }) }),
      ).map((resource) => resource.Properties);
      expect(permissions).toHaveLength(triggers.length);
      for (const { handler } of triggers) {
        const permission = permissions.find(
          (properties) => JSON.stringify(properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [functionId(handler), 'Arn'] }),
        );
        expect(permission, handler).toMatchObject({ Action: 'lambda:InvokeFunction', SourceAccount: { Ref: 'AWS::AccountId' } });
        const ownPool = cognitoTriggers('staff').some((trigger) => trigger.handler === handler) ? /StaffPool.*Arn/ : /CustomersPool.*Arn/;
        expect(JSON.stringify(permission?.SourceArn), handler).toMatch(ownPool);
      }
    });

    it("stops each trigger function at Cognito's 5-second limit", () => {
      for (const { handler } of triggers) {
        expect(t.api.toJSON().Resources[functionId(handler)].Properties.Timeout, handler).toBe(5);
      }
    });

    it('lets the create-challenge trigger queue the code e-mail and the verify trigger read orders, and nothing more', () => {
      const actions = (handler: string) => actionsOf(t.api, stage, { handler }).map(({ action }) => action);
      expect(actions('identity/create-auth-challenge')).toEqual(expect.arrayContaining(['sqs:SendMessage', 'dynamodb:GetItem']));
      expect(actions('identity/verify-auth-challenge').filter((action) => WRITE_ACTIONS.includes(action))).toEqual([]);
      for (const handler of ['identity/define-auth-challenge', 'identity/custom-message', 'identity/staff-custom-message']) {
        expect(
          actions(handler).filter((action) => /^(dynamodb|sqs|ses|cognito-idp):/.test(action)),
          handler,
        ).toEqual([]);
      }
    });
  });

  describe('alarms and dashboard', () => {
    const alarmNamed = (name: string) => {
      const found = Object.values(t.api.findResources('AWS::CloudWatch::Alarm', { Properties: Match.objectLike({ AlarmName: name }) }));
      expect(found, name).toHaveLength(1);
      return found[0]?.Properties as Record<string, unknown> & { Metrics?: { Expression?: string; MetricStat?: unknown }[] };
    };

    it('sends every alarm, and its recovery, to the encrypted, TLS-only alarm topic', () => {
      const topicId = logicalIdOf(t.api, 'AWS::SNS::Topic', { TopicName: `atrium-${stage}-alarms` });
      t.api.hasResourceProperties('AWS::SNS::Topic', { TopicName: `atrium-${stage}-alarms`, KmsMasterKeyId: Match.anyValue() });
      t.api.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      t.api.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
          ]),
        },
      });
      t.api.allResourcesProperties('AWS::CloudWatch::Alarm', {
        AlarmName: Match.stringLikeRegexp(`^atrium-${stage}-`),
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    });

    it('alarms when more than 1% of API requests fail with a 5xx', () => {
      const alarm = alarmNamed(`atrium-${stage}-api-5xx-rate`);
      expect(alarm.Threshold).toBe(1);
      expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
      const expression = alarm.Metrics?.find((metric) => metric.Expression)?.Expression;
      expect(expression).toMatch(/errors \/ requests/);
      expect(JSON.stringify(alarm.Metrics)).toContain('"MetricName":"5xx"');
      expect(JSON.stringify(alarm.Metrics)).toContain('"MetricName":"Count"');
    });

    it('alarms when the API p99 latency passes 2 seconds', () => {
      expect(alarmNamed(`atrium-${stage}-api-p99-latency`)).toMatchObject({
        MetricName: 'Latency',
        Namespace: 'AWS/ApiGateway',
        ExtendedStatistic: 'p99',
        Threshold: 2000,
      });
    });

    it('alarms on the errors and throttles of every function', () => {
      for (const entry of [...routes, ...workers]) {
        expect(alarmNamed(`${functionName(stage, entry)}-errors`)).toMatchObject({
          Namespace: 'AWS/Lambda',
          MetricName: 'Errors',
          Threshold: 1,
        });
        expect(alarmNamed(`${functionName(stage, entry)}-throttles`)).toMatchObject({
          Namespace: 'AWS/Lambda',
          MetricName: 'Throttles',
        });
      }
    });

    it('alarms as soon as a message lands in a dead-letter queue', () => {
      for (const queue of ['mail-dlq', 'mail-feedback-dlq']) {
        expect(alarmNamed(`atrium-${stage}-${queue}-depth`)).toMatchObject({
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
        });
      }
    });

    it('alarms when the SES bounce rate passes 5%', () => {
      expect(alarmNamed(`atrium-${stage}-ses-bounce-rate`)).toMatchObject({
        Namespace: 'AWS/SES',
        MetricName: 'Reputation.BounceRate',
        Threshold: 0.05,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    });

    it('saves the Logs Insights queries the runbook names, over the access log and every function log', () => {
      const accessLogsId = logicalIdOf(t.api, 'AWS::Logs::LogGroup', { LogGroupName: `/aws/apigateway/atrium-${stage}-api` });
      t.api.hasResourceProperties('AWS::Logs::QueryDefinition', {
        Name: `atrium/${stage}/api-errors-by-route`,
        LogGroupNames: [{ Ref: accessLogsId }],
        QueryString: Match.stringLikeRegexp('status >= 500'),
      });
      t.api.hasResourceProperties('AWS::Logs::QueryDefinition', {
        Name: `atrium/${stage}/slowest-requests`,
        LogGroupNames: [{ Ref: accessLogsId }],
        QueryString: Match.stringLikeRegexp('requestId[^]*sort responseLatency desc'),
      });
      const functionErrors = Object.values(
        t.api.findResources('AWS::Logs::QueryDefinition', {
          Properties: Match.objectLike({ Name: `atrium/${stage}/function-errors-by-route` }),
        }),
      )[0]?.Properties;
      expect(functionErrors.QueryString).toContain('level = "ERROR"');
      expect(functionErrors.LogGroupNames).toHaveLength(routes.length + workers.length);
    });

    it('builds one dashboard for the stage covering the API, every function, the queues and SES', () => {
      t.api.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const dashboard = Object.values(t.api.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties;
      expect(dashboard.DashboardName).toBe(`atrium-${stage}`);
      // The body is one Fn::Join; its literal parts are enough to read the metrics and labels.
      const parts = dashboard.DashboardBody['Fn::Join'][1] as unknown[];
      const body = parts.map((part) => (typeof part === 'string' ? part : '"<token>"')).join('');
      for (const metric of ['5xx', 'Latency', 'Errors', 'Duration', 'Throttles', 'ApproximateNumberOfMessagesVisible', 'Send', 'Bounce']) {
        expect(body).toContain(`"${metric}"`);
      }
      for (const entry of [...routes, ...workers]) expect(body).toContain(functionName(stage, entry));
    });
  });

  describe('api stack', () => {
    it('builds exactly one function per route and per worker, on the newest Node.js runtime for ARM', () => {
      expect(Object.keys(ownFunctions(t.api))).toHaveLength(routes.length + workers.length);
      for (const entry of [...routes, ...workers]) {
        t.api.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: functionName(stage, entry),
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: Match.objectLike({ LogGroup: Match.anyValue() }),
        });
      }
    });

    it('gives every function the variables shared/config.ts requires', () => {
      const expected = Match.objectLike({
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: `atrium-${stage}`,
            MAIL_FROM: Match.stringLikeRegexp('@'),
            IDENTITY_ADAPTER: 'cognito',
            CUSTOMER_CLIENT_ID: Match.anyValue(),
            STAFF_CLIENT_ID: Match.anyValue(),
            CUSTOMER_USER_POOL_ID: Match.anyValue(),
            STAFF_USER_POOL_ID: Match.anyValue(),
            PORTAL_URL: Match.stringLikeRegexp('^https://'),
            POWERTOOLS_SERVICE_NAME: 'atrium',
            POWERTOOLS_METRICS_NAMESPACE: `Atrium/${stage}`,
            // The stage's brand (shared/brand.ts), for every mail's subject and footer.
            ATRIUM_BRAND: Match.stringLikeRegexp('"productName":'),
          }),
        },
      });
      for (const [id, resource] of Object.entries(ownFunctions(t.api))) {
        expect(expected.test(resource.Properties).isSuccess, id).toBe(true);
      }
    });

    it('tells the routes that send mail where to queue it, and the mail worker which configuration set to send with', () => {
      const variables = (entry: { handler: string }) => {
        const id = logicalIdOf(t.api, 'AWS::Lambda::Function', { FunctionName: functionName(stage, entry) });
        return t.api.toJSON().Resources[id].Properties.Environment.Variables as Record<string, unknown>;
      };
      const mailQueueId = logicalIdOf(t.api, 'AWS::SQS::Queue', { QueueName: `atrium-${stage}-mail` });
      for (const route of routes) {
        if (route.sendsMail) {
          expect(variables(route), route.handler).toMatchObject({
            MAIL_QUEUE_URL: { Ref: mailQueueId },
            SES_CONFIGURATION_SET: `atrium-${stage}`,
          });
        } else {
          expect(variables(route), route.handler).not.toHaveProperty('MAIL_QUEUE_URL');
        }
      }
      const deliverMail = variables({ handler: 'workers/deliver-mail' });
      expect(deliverMail).toMatchObject({ SES_CONFIGURATION_SET: `atrium-${stage}` });
      // The worker sends; were it to queue, every message would go round in circles.
      expect(deliverMail).not.toHaveProperty('MAIL_QUEUE_URL');
    });

    it('gives every function its own log group with a retention period', () => {
      for (const entry of [...routes, ...workers]) {
        t.api.hasResourceProperties('AWS::Logs::LogGroup', {
          LogGroupName: `/aws/lambda/${functionName(stage, entry)}`,
          RetentionInDays: Match.anyValue(),
        });
      }
    });

    it('protects every non-public route with the authorizer of its audience and leaves public routes open', () => {
      const authorizerIds = {
        customer: logicalIdOf(t.api, 'AWS::ApiGatewayV2::Authorizer', { Name: `atrium-${stage}-customer` }),
        staff: logicalIdOf(t.api, 'AWS::ApiGatewayV2::Authorizer', { Name: `atrium-${stage}-staff` }),
      };
      const viewAsMounts = routes.filter((route) => route.viewAsPath !== undefined);
      t.api.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length + viewAsMounts.length);
      for (const route of routes) {
        const routeKey = `${route.method} ${route.path}`;
        const id = logicalIdOf(t.api, 'AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
        const properties = t.api.toJSON().Resources[id].Properties;
        if (route.access === 'public') {
          expect(properties.AuthorizationType, routeKey).toBe('NONE');
          expect(properties.AuthorizerId, routeKey).toBeUndefined();
        } else {
          expect(properties.AuthorizationType, routeKey).toBe('JWT');
          expect(properties.AuthorizerId, routeKey).toEqual({ Ref: authorizerIds[route.access] });
        }
      }
      // "View as customer": each customer route again, behind the staff authorizer, on the same function.
      expect(viewAsMounts.length).toBeGreaterThan(5);
      for (const route of viewAsMounts) {
        const routeKey = `${route.method} ${route.viewAsPath}`;
        const properties = t.api.toJSON().Resources[logicalIdOf(t.api, 'AWS::ApiGatewayV2::Route', { RouteKey: routeKey })].Properties;
        const own =
          t.api.toJSON().Resources[logicalIdOf(t.api, 'AWS::ApiGatewayV2::Route', { RouteKey: `${route.method} ${route.path}` })]
            .Properties;
        expect(properties.AuthorizationType, routeKey).toBe('JWT');
        expect(properties.AuthorizerId, routeKey).toEqual({ Ref: authorizerIds.staff });
        const integration = (props: { Target: unknown }) =>
          t.api.toJSON().Resources[JSON.stringify(props.Target).match(/"(\w+Integration\w*)"/)![1]!];
        expect(integration(properties).Properties.IntegrationUri, routeKey).toEqual(integration(own).Properties.IntegrationUri);
      }
    });

    it("grants a 'read' route's function no write action on the table", () => {
      const readRoutes = routes.filter((route) => route.table === 'read');
      expect(readRoutes.length).toBeGreaterThan(0);
      for (const route of readRoutes) {
        const actions = actionsOf(t.api, stage, route).map(({ action }) => action);
        expect(actions, route.handler).toContain('dynamodb:Query');
        expect(
          actions.filter((action) => WRITE_ACTIONS.includes(action)),
          route.handler,
        ).toEqual([]);
      }
    });

    it("grants write actions only to 'read-write' routes and no table access to 'none' routes", () => {
      for (const route of routes) {
        const actions = actionsOf(t.api, stage, route).map(({ action }) => action);
        const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
        if (route.table === 'none' && !route.sendsMail) expect(dynamo, route.handler).toEqual([]);
        if (route.table === 'read-write') expect(dynamo, route.handler).toEqual(expect.arrayContaining(WRITE_ACTIONS));
      }
    });

    it('lets no route call SES itself, and only the routes that send mail queue it', () => {
      const mailQueueArn = { 'Fn::GetAtt': [logicalIdOf(t.api, 'AWS::SQS::Queue', { QueueName: `atrium-${stage}-mail` }), 'Arn'] };
      expect(routes.some((route) => route.sendsMail)).toBe(true);
      for (const route of routes) {
        const actions = actionsOf(t.api, stage, route);
        expect(
          actions.filter(({ action }) => action.startsWith('ses:')),
          route.handler,
        ).toEqual([]);
        const sends = actions.filter(({ action }) => action === 'sqs:SendMessage');
        if (!route.sendsMail) {
          expect(sends, route.handler).toEqual([]);
          continue;
        }
        expect(
          sends.map(({ resources }) => resources),
          route.handler,
        ).toEqual([[mailQueueArn]]);
      }
    });

    it("grants the user pools' admin actions the Cognito adapter uses, each on its own pool, to entries with identityAdmin only", () => {
      const poolArn = (audience: 'Customers' | 'Staff') => new RegExp(`${audience}Pool[0-9A-F]+Arn`);
      for (const entry of [...routes, ...workers]) {
        const cognito = actionsOf(t.api, stage, entry).filter(({ action }) => action.startsWith('cognito-idp:'));
        if (!entry.identityAdmin) {
          expect(cognito, entry.handler).toEqual([]);
          continue;
        }
        const on = (audience: 'Customers' | 'Staff') =>
          cognito
            .filter(({ resources }) => resources.length === 1 && poolArn(audience).test(JSON.stringify(resources[0])))
            .map(({ action }) => action)
            .sort();
        expect(on('Customers'), entry.handler).toEqual([...COGNITO_ADMIN_ACTIONS.customer].sort());
        expect(on('Staff'), entry.handler).toEqual([...COGNITO_ADMIN_ACTIONS.staff].sort());
        expect(cognito, entry.handler).toHaveLength(COGNITO_ADMIN_ACTIONS.customer.length + COGNITO_ADMIN_ACTIONS.staff.length);
      }
    });

    it('throttles the stage and writes JSON access logs', () => {
      t.api.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
      t.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingBurstLimit: Match.anyValue(),
          ThrottlingRateLimit: Match.anyValue(),
        },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      });
      const stageProps = Object.values(t.api.findResources('AWS::ApiGatewayV2::Stage'))[0]?.Properties;
      expect(stageProps.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
      expect(JSON.parse(stageProps.AccessLogSettings.Format)).toHaveProperty('status', '$context.status');
    });
  });

  describe('web stack', () => {
    it('keeps the site bucket private and reachable over TLS only', () => {
      t.web.allResourcesProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      t.web.allResourcesProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
      t.web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    });

    it('routes /api/* to the HTTP API uncached, and serves the app shell for client routes on the default behaviour only', () => {
      const distribution = Object.values(t.web.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig;
      // Distribution-wide error pages would also turn the API's 403 and 404 into index.html.
      expect(distribution.CustomErrorResponses).toBeUndefined();
      expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
      expect(distribution.CacheBehaviors).toEqual([
        expect.objectContaining({
          PathPattern: '/api/*',
          // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
          ViewerProtocolPolicy: 'https-only',
        }),
      ]);
      expect(distribution.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
      const apiOrigin = distribution.Origins.find((origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig);
      expect(apiOrigin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
      expect(JSON.stringify(apiOrigin.DomainName)).toContain('.execute-api.');
    });

    it('sends the security headers on every response, exactly as the one shared definition says', () => {
      // The same definition the local server sends (shared/http/security-headers.ts), with Cognito's endpoint and the
      // files bucket (attachment uploads) added; the bucket's name holds the account id, read here as ACCOUNT.
      const region = stageConfig(stage).region;
      const expected = securityHeaders({
        https: true,
        connectSources: [`https://cognito-idp.${region}.amazonaws.com`, `https://atrium-${stage}-files-ACCOUNT.s3.${region}.amazonaws.com`],
      });
      const [policy] = Object.values(t.web.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
      const csp = (
        policy as {
          Properties: {
            ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } } };
          };
        }
      ).Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as {
        'Fn::Join': [string, unknown[]];
      };
      const joined = csp['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'ACCOUNT')).join(csp['Fn::Join'][0]);
      expect(joined).toBe(expected['content-security-policy']);
      t.web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: {
            ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
            StrictTransportSecurity: {
              AccessControlMaxAgeSec: STRICT_TRANSPORT_SECURITY.maxAgeSeconds,
              IncludeSubdomains: STRICT_TRANSPORT_SECURITY.includeSubdomains,
              Override: true,
            },
            FrameOptions: { FrameOption: expected['x-frame-options'], Override: true },
            ContentTypeOptions: { Override: true },
            ReferrerPolicy: { ReferrerPolicy: expected['referrer-policy'], Override: true },
          },
          CustomHeadersConfig: {
            Items: [{ Header: 'Permissions-Policy', Value: expected['permissions-policy'], Override: true }],
          },
        }),
      });
      expect(expected['content-security-policy']).toMatch(/^default-src 'self'; .*frame-ancestors 'none'; upgrade-insecure-requests$/);
      expect(expected['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    });

    it('writes config.json and the brand (brand.js) at deploy time and skips the web app when web/dist is missing', () => {
      t.web.resourceCountIs('Custom::CDKBucketDeployment', 1);
      t.web.hasResourceProperties('Custom::CDKBucketDeployment', {
        Prune: false,
        DistributionPaths: ['/config.json', '/brand.js'],
        SourceMarkers: [Match.objectLike({})],
      });
    });

    it(prod ? 'retains the buckets' : 'empties and deletes the buckets with the stack', () => {
      t.web.allResources('AWS::S3::Bucket', { DeletionPolicy: prod ? 'Retain' : 'Delete' });
      t.web.resourceCountIs('Custom::S3AutoDeleteObjects', prod ? 0 : 2);
    });
  });

  it('puts the stage in every name it sets', () => {
    const named: [Template, string, string][] = [
      [t.stateful, 'AWS::DynamoDB::GlobalTable', 'TableName'],
      [t.stateful, 'AWS::Cognito::UserPool', 'UserPoolName'],
      [t.stateful, 'AWS::Cognito::UserPoolClient', 'ClientName'],
      [t.api, 'AWS::Lambda::Function', 'FunctionName'],
      [t.api, 'AWS::Logs::LogGroup', 'LogGroupName'],
      [t.api, 'AWS::ApiGatewayV2::Api', 'Name'],
      [t.api, 'AWS::ApiGatewayV2::Authorizer', 'Name'],
      [t.web, 'AWS::CloudFront::Function', 'Name'],
      [t.stateful, 'AWS::SES::ConfigurationSet', 'Name'],
      [t.stateful, 'AWS::SecretsManager::Secret', 'Name'],
      [t.api, 'AWS::SQS::Queue', 'QueueName'],
      [t.api, 'AWS::Events::Rule', 'Name'],
      [t.api, 'AWS::SNS::Topic', 'TopicName'],
      [t.api, 'AWS::CloudWatch::Alarm', 'AlarmName'],
      [t.api, 'AWS::CloudWatch::Dashboard', 'DashboardName'],
      [t.api, 'AWS::Logs::QueryDefinition', 'Name'],
    ];
    for (const [template, type, property] of named) {
      const resources = template.toJSON().Resources as Resources;
      const names = Object.entries(resources)
        .filter(([id, resource]) => resource.Type === type && !id.startsWith(CDK_NOTIFICATIONS_HANDLER))
        .map(([, resource]) => resource)
        .map((resource) => resource.Properties?.[property]);
      expect(names.length, type).toBeGreaterThan(0);
      for (const name of names) expect(name, `${type}.${property}`).toMatch(new RegExp(`atrium[-/]${stage}\\b`));
    }
  });
});

/**
 * aws-cdk-lib's own function behind bucket notifications (the inbound-mail notification of the files bucket): built by
 * the library with its own name and settings, one per stack; every other function is one of the route or worker table.
 */
const CDK_NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler';

function ownFunctions(template: Template): Resources {
  return Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => !id.startsWith(CDK_NOTIFICATIONS_HANDLER)),
  ) as Resources;
}
