// The stateless side of a stage: one HTTP API with two JWT authorizers and one function, route and grant per entry of
// the route table (functions/routes.ts); one function and trigger per entry of the worker table (functions/workers.ts)
// with the mail queue, the SES feedback rule and the user pool triggers' invoke permissions; and the stage's alarms and
// dashboard. Nothing about a route or a worker is declared here; adding one means adding a table entry.

import { CfnOutput, Duration, NestedStack, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type Access, routeId, routes } from '#functions/routes.ts';
import { type WorkerTrigger, workers } from '#functions/workers.ts';
import { GLOBAL_SECONDARY_INDEXES } from '#shared/db/table.ts';
import { BRAND_VARIABLE } from '#shared/brand.ts';
import { SUPPORT_CALENDAR_VARIABLE } from '#shared/tickets/business-hours.ts';
import { BILLING_VARIABLE } from '#shared/billing/settings.ts';
import { filesBucketName, mailConfigurationSetName, metricsNamespace, resourceName, type StageConfig, tableName } from '#infra/config.ts';
import { HandlerFunction, type Invocation, type MailSending } from '#infra/constructs/handler-function.ts';
import { Observability } from '#infra/constructs/observability.ts';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { PortalUserPool } from '#infra/constructs/portal-user-pool.ts';
import { connectInboundMail } from '#infra/constructs/inbound-mail.ts';

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  customers: PortalUserPool;
  staff: PortalUserPool;
  /** The files bucket (stateful stack): received ticket replies under `inbound/` go to their worker. */
  filesBucketName?: string;
}

// HTTP API access logs: one JSON object per request (cdk-nag's structured-logging rule parses this format).
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    userAgent: '$context.identity.userAgent',
  }),
);

export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** `<api-id>.execute-api.<region>.amazonaws.com`: the CloudFront origin for /api/*. */
  readonly apiDomainName: string;
  /** Every function, HTTP routes and workers, by construct id. */
  readonly functions: Map<string, HandlerFunction> = new Map();
  /** `atrium-<stage>-mail`: mail queued by the routes, sent by the deliver-mail worker. */
  readonly mailQueue: Queue;
  readonly mailDeadLetters: Queue;
  /** SES feedback events that could not be delivered to, or processed by, their worker. */
  readonly mailFeedbackDeadLetters: Queue;
  /** Received ticket replies whose worker kept failing (after Lambda's own retries of the S3 notification). */
  readonly inboundMailDeadLetters: Queue;
  /** Invocations of the scheduled jobs that failed for good (the scheduler's and Lambda's retries spent). */
  readonly jobDeadLetters: Queue;
  /** The role EventBridge Scheduler assumes to start the scheduled jobs. */
  private jobSchedulerRole: Role | undefined;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, customers, staff } = props;

    // The table is found by its fixed name rather than a cross-stack export: the stateful stack can then change
    // (or be replaced from a backup) without this stack holding a reference to it. Index names come from the same
    // declaration the table is built from.
    const table = TableV2.fromTableAttributes(this, 'Table', {
      tableName: tableName(config),
      globalIndexes: GLOBAL_SECONDARY_INDEXES.map((index) => index.name),
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: resourceName(config, 'api'),
      description: `Atrium portal API (${config.stage})`,
      // The stage below is declared explicitly so it can carry throttling and access logs.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${resourceName(config, 'api')}`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    this.apiDomainName = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;

    const authorizers: Record<Access, IHttpRouteAuthorizer | undefined> = {
      public: undefined,
      customer: new HttpJwtAuthorizer('CustomerAuthorizer', customers.issuerUrl, {
        authorizerName: resourceName(config, 'customer'),
        jwtAudience: [customers.client.userPoolClientId],
      }),
      staff: new HttpJwtAuthorizer('StaffAuthorizer', staff.issuerUrl, {
        authorizerName: resourceName(config, 'staff'),
        jwtAudience: [staff.client.userPoolClientId],
      }),
    };

    // The variables shared/config.ts reads; every handler gets all of them because config() checks them at cold start.
    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      MAIL_FROM: config.mail.from,
      SUPPORT_MAIL_FROM: config.mail.supportFrom,
      IDENTITY_ADAPTER: 'cognito',
      CUSTOMER_CLIENT_ID: customers.client.userPoolClientId,
      STAFF_CLIENT_ID: staff.client.userPoolClientId,
      CUSTOMER_USER_POOL_ID: customers.userPool.userPoolId,
      STAFF_USER_POOL_ID: staff.userPool.userPoolId,
      PORTAL_URL: config.portalUrl,
      [BRAND_VARIABLE]: JSON.stringify(config.brand),
      [SUPPORT_CALENDAR_VARIABLE]: JSON.stringify(config.supportCalendar),
      [BILLING_VARIABLE]: JSON.stringify(config.billing),
      POWERTOOLS_SERVICE_NAME: 'atrium',
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(config),
      ...(config.inboundMail ? { TICKET_REPLY_DOMAIN: config.inboundMail.replyDomain } : {}),
    };

    // Mail leaves in two steps: a route queues it and answers at once; the deliver-mail worker sends it through SES.
    // A message that fails 5 times moves to the dead-letter queue, which alarms.
    this.mailDeadLetters = new Queue(this, 'MailDeadLetters', {
      queueName: resourceName(config, 'mail-dlq'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.mailQueue = new Queue(this, 'MailQueue', {
      queueName: resourceName(config, 'mail'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's advice for a Lambda event source: at least six times the function's timeout, so a batch that is
      // retried after a throttle is not handed to a second invocation while the first still works on it.
      visibilityTimeout: Duration.seconds(config.lambda.timeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.mailDeadLetters, maxReceiveCount: 5 },
    });
    this.mailFeedbackDeadLetters = new Queue(this, 'MailFeedbackDeadLetters', {
      queueName: resourceName(config, 'mail-feedback-dlq'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.inboundMailDeadLetters = new Queue(this, 'InboundMailDeadLetters', {
      queueName: resourceName(config, 'inbound-mail-dlq'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    // Scheduled jobs (functions/workers.ts `schedule`): an invocation the scheduler could not deliver, or that failed
    // after Lambda's retries, lands here and alarms.
    this.jobDeadLetters = new Queue(this, 'JobDeadLetters', {
      queueName: resourceName(config, 'jobs-dlq'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    for (const deadLetters of [this.mailDeadLetters, this.mailFeedbackDeadLetters, this.inboundMailDeadLetters, this.jobDeadLetters]) {
      Validations.of(deadLetters).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'This is itself a dead-letter queue: its messages wait 14 days for an operator to inspect and redrive them (docs/operations.md), and its depth alarms. A redrive policy here would only move them out of sight.',
      });
    }

    // SES authorises SendEmail against the sender's verified identity (the domain, or the address itself) and, when the
    // call names one, the configuration set: the mail worker's grant lists exactly these.
    const configurationSetName = mailConfigurationSetName(config);
    const sesResourceArns = [
      ...[config.mail.domain, config.mail.from].map((identity) =>
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
      ),
      this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName }),
    ];
    const routeMail: MailSending = { via: 'queue', queue: this.mailQueue, configurationSetName };
    const workerMail: MailSending = { via: 'ses', resourceArns: sesResourceArns, configurationSetName };
    // Entries with `identityAdmin` may call the admin API on these pools, and only the actions the adapter uses.
    const userPoolArns = { customer: customers.userPool.userPoolArn, staff: staff.userPool.userPoolArn };

    // CloudFormation takes at most 500 resources per stack, and each route brings about ten (function, role, policy,
    // log group, two alarms, permission, integration, route, and its view-as route). So each area of the route table
    // (`admin`, `auth`, `licences`, ...) has a nested stack, with its own 500, holding its functions and their API
    // routes and integrations; the API, its stage and its authorizers stay here. A new area gets its nested stack by
    // appearing in the table.
    const areas = new Map<string, NestedStack>();
    const areaOf = (handler: string): NestedStack => {
      const area = handler.split('/')[0]!;
      let nested = areas.get(area);
      if (!nested) {
        nested = new NestedStack(this, `${routeId({ handler: area })}Functions`, {
          description: `Atrium ${config.stage}: the ${area} functions`,
        });
        areas.set(area, nested);
      }
      return nested;
    };

    for (const route of routes) {
      const id = routeId(route);
      const routeFunction = new HandlerFunction(areaOf(route.handler), id, {
        config,
        handler: route.handler,
        description: `${route.method} ${route.path}`,
        table,
        tableAccess: route.table,
        environment,
        invocation: { kind: 'http' },
        ...(route.sendsMail ? { mail: routeMail } : {}),
        ...(route.identityAdmin ? { userPoolArns } : {}),
        ...(route.signsLicences ? { signsLicences: true } : {}),
        ...(route.unsubscribeLinks ? { unsubscribeLinks: true } : {}),
        ...(route.ticketReplies ? { ticketReplies: true } : {}),
        ...(route.files ? { files: route.files } : {}),
        ...(route.invoicePdfs ? { invoicePdfs: true } : {}),
      });
      this.functions.set(id, routeFunction);

      const authorizer = authorizers[route.access];
      const area = areaOf(route.handler);
      // One integration and one invoke permission per function, shared by the route and its view-as mount; both routes
      // sit in the function's nested stack with it (the integration is created in the first route's scope).
      const integration = new HttpLambdaIntegration(`${id}Integration`, routeFunction.function, { scopePermissionToRoute: false });
      const httpRoute = new HttpRoute(area, `${id}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        ...(authorizer ? { authorizer } : {}),
      });

      // "View as customer": the same function, reached by staff under /api/view-as/{viewAsAccountId} (read-only).
      if (route.viewAsPath) {
        new HttpRoute(area, `${id}ViewAsRoute`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.viewAsPath, HttpMethod[route.method]),
          integration,
          authorizer: authorizers.staff!,
        });
      }

      if (route.access === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design in the route table (health check, the sign-in, sign-up and recovery steps that come before any token, or the licensing API the vendor's software calls with an activation key); the handler validates its input, guessing is limited by lockouts and rate limits kept in the table, and the stage is throttled.`,
        });
      }
    }

    // How each kind of worker trigger invokes its function; a new kind in functions/workers.ts fails the type check
    // here until it is wired.
    const invocations: Record<WorkerTrigger['kind'], Invocation> = {
      'mail-queue': { kind: 'sqs' },
      'ses-feedback': { kind: 'async', deadLetterQueue: this.mailFeedbackDeadLetters },
      cognito: { kind: 'cognito' },
      's3-inbound-mail': { kind: 'async', deadLetterQueue: this.inboundMailDeadLetters },
      schedule: { kind: 'async', deadLetterQueue: this.jobDeadLetters },
    };
    const pools = { customer: customers, staff };

    for (const worker of workers) {
      const id = routeId(worker);
      const workerFunction = new HandlerFunction(this, id, {
        config,
        handler: worker.handler,
        description: `Worker ${worker.handler} (${worker.trigger.kind})`,
        table,
        tableAccess: worker.table,
        environment,
        invocation: invocations[worker.trigger.kind],
        ...(worker.timeoutSeconds ? { timeoutSeconds: worker.timeoutSeconds } : {}),
        ...(worker.sendsMail ? { mail: workerMail } : worker.queuesMail ? { mail: routeMail } : {}),
        ...(worker.identityAdmin ? { userPoolArns } : {}),
        ...(worker.ticketReplies ? { ticketReplies: true } : {}),
      });
      this.functions.set(id, workerFunction);
      this.connectTrigger(
        worker.trigger,
        workerFunction,
        configurationSetName,
        pools,
        // Named, not referenced (as the functions' FILES_BUCKET): a reference would export it from the stateful stack.
        props.filesBucketName ?? filesBucketName(config, this.account),
      );
    }

    this.observability = new Observability(this, 'Observability', {
      config,
      httpApi: this.httpApi,
      accessLogs,
      functions: [...this.functions.values()],
      mailQueue: this.mailQueue,
      deadLetterQueues: {
        'mail-dlq': this.mailDeadLetters,
        'mail-feedback-dlq': this.mailFeedbackDeadLetters,
        'inbound-mail-dlq': this.inboundMailDeadLetters,
        'jobs-dlq': this.jobDeadLetters,
      },
    });

    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'MailQueueUrl', { value: this.mailQueue.queueUrl });
    new CfnOutput(this, 'MailDeadLetterQueueUrl', { value: this.mailDeadLetters.queueUrl });
    new CfnOutput(this, 'MailDeadLetterQueueArn', { value: this.mailDeadLetters.queueArn });
    new CfnOutput(this, 'MailFeedbackDeadLetterQueueUrl', { value: this.mailFeedbackDeadLetters.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: resourceName(config) });
  }

  private connectTrigger(
    trigger: WorkerTrigger,
    worker: HandlerFunction,
    configurationSetName: string,
    pools: Record<'customer' | 'staff', PortalUserPool>,
    filesBucketName: string | undefined,
  ): void {
    switch (trigger.kind) {
      case 'mail-queue': {
        worker.function.addEventSource(
          new SqsEventSource(this.mailQueue, {
            batchSize: 10,
            // The handler reports the messages that failed; only those return to the queue.
            reportBatchItemFailures: true,
            // At most two batches at a time keeps the SES send rate well inside a new account's quota.
            maxConcurrency: 2,
          }),
        );
        for (const mapping of worker.function.node.children.filter((child) => child instanceof EventSourceMapping)) {
          Validations.of(mapping).acknowledge({
            id: 'Serverless-LambdaEventSourceMappingDestination',
            reason:
              "Lambda supports on-failure destinations for stream and Kafka sources only, not SQS. A message that keeps failing moves to the mail queue's dead-letter queue after 5 receives (redrive policy), and that queue alarms.",
          });
        }
        return;
      }
      case 'ses-feedback': {
        new Rule(this, `${worker.node.id}Trigger`, {
          ruleName: worker.functionName,
          description: `SES bounces and complaints of the ${configurationSetName} configuration set`,
          // SES publishes to the default bus; only this stage's configuration set, so stages in one account stay apart.
          eventPattern: {
            source: ['aws.ses'],
            detailType: ['Email Bounced', 'Email Complaint'],
            detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
          },
          targets: [
            new LambdaFunction(worker.function, {
              deadLetterQueue: this.mailFeedbackDeadLetters,
              retryAttempts: 8,
              maxEventAge: Duration.hours(6),
            }),
          ],
        });
        return;
      }
      case 'cognito': {
        // The pool names this function as its trigger by its fixed name (infra/stacks/stateful-stack.ts); here Cognito
        // gets the right to invoke it, for that pool only.
        worker.function.addPermission(`${trigger.operation}Invoke`, {
          principal: new ServicePrincipal('cognito-idp.amazonaws.com'),
          sourceArn: pools[trigger.pool].userPool.userPoolArn,
          sourceAccount: this.account,
        });
        return;
      }
      case 's3-inbound-mail': {
        // Until the stage has its files bucket the worker exists but nothing invokes it.
        if (filesBucketName) connectInboundMail(this, { bucketName: filesBucketName, worker });
        return;
      }
      case 'schedule': {
        // One schedule per job, in UTC; the scheduler's own role may invoke this function only. A failed delivery is
        // retried for up to an hour, then goes to the jobs' dead-letter queue (as the function's own failures do).
        this.jobSchedulerRole ??= new Role(this, 'JobSchedulerRole', {
          description: 'EventBridge Scheduler invokes the scheduled jobs (and sends failed invocations to their dead-letter queue)',
          assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
            conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
          }),
        });
        // Lambda's grantInvoke names the function and its versions (`<arn>:*`); cdk-nag names that wildcard by the token.
        Validations.of(this.jobSchedulerRole).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(this.resolve(`${worker.function.functionArn}:*`))}]`,
          reason: `The wildcard covers only the versions and aliases of ${worker.functionName}, the one function this schedule invokes.`,
        });
        new Schedule(this, `${worker.node.id}Schedule`, {
          scheduleName: worker.functionName,
          description: `Runs ${worker.node.id} on ${trigger.expression}`,
          schedule: ScheduleExpression.expression(trigger.expression),
          target: new LambdaInvoke(worker.function, {
            role: this.jobSchedulerRole,
            deadLetterQueue: this.jobDeadLetters,
            retryAttempts: 3,
            maxEventAge: Duration.hours(1),
          }),
        });
        return;
      }
      default: {
        const unknown: never = trigger;
        throw new Error(`No infrastructure for the worker trigger ${JSON.stringify(unknown)}`);
      }
    }
  }
}
