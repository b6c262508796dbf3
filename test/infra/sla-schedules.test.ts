// The scheduled jobs (functions/workers.ts `schedule`): one EventBridge Scheduler schedule per job, invoking exactly
// that function through a role that may do nothing else, with retries and the jobs' dead-letter queue (which alarms);
// the support calendar reaches every function; and cdk-nag finds nothing new on them.

import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { scheduledWorkers } from '#functions/workers.ts';
import { stageConfig } from '#infra/config.ts';
import type { AtriumStacks } from '#infra/stacks/atrium.ts';
import { SUPPORT_CALENDAR_VARIABLE } from '#shared/tickets/business-hours.ts';
import { synthesizedStage } from '../support/synthesized-stage.ts';

let app: App;
let stacks: AtriumStacks;
let template: Template;
beforeAll(() => {
  ({ app, stacks } = synthesizedStage('dev'));
  template = Template.fromStack(stacks.api);
});

describe('scheduled jobs', () => {
  it('declares the hourly breach check and the daily report', () => {
    expect(scheduledWorkers()).toEqual([
      { handler: 'sla/mark-sla-breaches', expression: 'rate(1 hour)' },
      { handler: 'sla/refresh-sla-reports', expression: 'cron(15 2 * * ? *)' },
      { handler: 'payments/expire-orders', expression: 'rate(1 hour)' },
      { handler: 'subscription-job/run-subscription-job', expression: 'cron(15 3 * * ? *)' },
    ]);
  });

  it('has one schedule per job, invoking its function with retries and the dead-letter queue', () => {
    const schedules = template.findResources('AWS::Scheduler::Schedule');
    expect(Object.keys(schedules)).toHaveLength(scheduledWorkers().length);
    for (const { handler, expression } of scheduledWorkers()) {
      const functionName = `atrium-dev-${handler.replaceAll('/', '-')}`;
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: functionName,
        ScheduleExpression: expression,
        State: 'ENABLED',
        Target: Match.objectLike({
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      });
    }
  });

  it('gives the scheduler a role that may only invoke the job functions', () => {
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })]) },
      },
    });
    expect(Object.keys(roles).length).toBeGreaterThan(0);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => Object.keys(roles).includes(role.Ref)),
    );
    const actions = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap((statement) => statement.Action),
    );
    expect(new Set(actions)).toEqual(new Set(['lambda:InvokeFunction', 'sqs:SendMessage']));
  });

  it('sends failed job invocations to a dead-letter queue that alarms', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'atrium-dev-jobs-dlq' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'atrium-dev-jobs-dlq-depth' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'atrium-dev-sla-mark-sla-breaches',
      DeadLetterConfig: { TargetArn: Match.anyValue() },
    });
  });

  it('passes the stage’s support calendar to the functions', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'atrium-dev-sla-mark-sla-breaches',
      Environment: { Variables: Match.objectLike({ [SUPPORT_CALENDAR_VARIABLE]: JSON.stringify(stageConfig('dev').supportCalendar) }) },
    });
  });

  it('leaves cdk-nag nothing to report on the schedules and the jobs', () => {
    const violations = [new AwsSolutionsChecks(), new ServerlessChecks()]
      .flatMap((pack) => pack.validateScope(app).violations)
      .flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`))
      .filter((line) => /Schedule|JobDeadLetters|SlaMarkSlaBreaches|SlaRefreshSlaReports/i.test(line));
    expect(violations).toEqual([]);
  });
});
