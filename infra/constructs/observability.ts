// What an operator watches for one stage: the alarms (to an SNS topic), the `atrium-<stage>` dashboard and saved Logs
// Insights queries. Every alarm name starts with `atrium-<stage>-`; docs/operations.md says what each one means and
// what to check first.

import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ILogGroup, QueryDefinition, QueryString } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { resourceName, type StageConfig } from '#infra/config.ts';
import type { HandlerFunction } from '#infra/constructs/handler-function.ts';

export interface ObservabilityProps {
  config: StageConfig;
  httpApi: HttpApi;
  /** The HTTP API's JSON access log (one line per request: requestId, routeKey, status, responseLatency, ...). */
  accessLogs: ILogGroup;
  /** Every function of the stage: HTTP routes and workers. */
  functions: HandlerFunction[];
  mailQueue: IQueue;
  /** Dead-letter queues by short name (used in alarm names); any message in one is an alarm. */
  deadLetterQueues: Record<string, IQueue>;
}

/** The thresholds, in one place so the runbook and the tests can name them. */
export const ALARM_THRESHOLDS = {
  /** Percent of API requests answered with a 5xx, over 5 minutes. */
  api5xxPercent: 1,
  /** API p99 latency in milliseconds, over 5 minutes (2 of 3 periods). */
  apiP99LatencyMs: 2000,
  /** SES account bounce rate as a fraction (SES reviews an account from 5%, and may pause it from 10%). */
  sesBounceRate: 0.05,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

export class Observability extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { config, httpApi } = props;
    const stack = Stack.of(this);
    const name = (suffix: string) => resourceName(config, suffix);

    // CloudWatch can publish to an encrypted topic only with a customer managed key whose policy lets it use the key;
    // the AWS managed alias/aws/sns key does not.
    const key = new Key(this, 'AlarmTopicKey', {
      alias: `alias/${name('alarms')}`,
      description: `Atrium ${config.stage}: encrypts the alarm notifications topic`,
      enableKeyRotation: true,
      removalPolicy: config.removalPolicy,
      // A destroyed stage's key waits the shortest window KMS allows before it is gone.
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: name('alarms'),
      displayName: `Atrium ${config.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // enforceSSL gives the topic its own policy, which replaces SNS's default one: say who may publish.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisStagesAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `${resourceName(config)}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, alarmProps: ConstructorParameters<typeof Alarm>[2], scope: Construct = this): Alarm => {
      const created = new Alarm(scope, alarmId, { treatMissingData: TreatMissingData.NOT_BREACHING, ...alarmProps });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    // --- API ---
    const requests = httpApi.metricCount({ period: FIVE_MINUTES, label: 'requests' });
    const serverErrors = httpApi.metricServerError({ period: FIVE_MINUTES, label: '5xx' });
    const clientErrors = httpApi.metricClientError({ period: FIVE_MINUTES, label: '4xx' });
    const latency = (statistic: string) => httpApi.metricLatency({ period: FIVE_MINUTES, statistic });
    const serverErrorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: '5xx % of requests',
    });

    alarm('Api5xxRate', {
      alarmName: name('api-5xx-rate'),
      alarmDescription: `More than ${ALARM_THRESHOLDS.api5xxPercent}% of API requests answered 5xx over 5 minutes.`,
      metric: serverErrorRate,
      threshold: ALARM_THRESHOLDS.api5xxPercent,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('ApiP99Latency', {
      alarmName: name('api-p99-latency'),
      alarmDescription: `API p99 latency above ${ALARM_THRESHOLDS.apiP99LatencyMs / 1000} s in 2 of the last 3 five-minute periods.`,
      metric: latency('p99'),
      threshold: ALARM_THRESHOLDS.apiP99LatencyMs,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    // --- Functions: one alarm per function and signal, so the alarm names the function. Each sits beside its function
    // (in the function's nested stack), keeping the stage's stack under CloudFormation's resource limit. ---
    for (const fn of props.functions) {
      alarm(
        `${fn.node.id}Errors`,
        {
          alarmName: `${fn.functionName}-errors`,
          alarmDescription: `${fn.functionName} failed (an unhandled error or a timeout) at least once in 5 minutes.`,
          metric: fn.function.metricErrors({ period: FIVE_MINUTES }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
        },
        fn,
      );
      alarm(
        `${fn.node.id}Throttles`,
        {
          alarmName: `${fn.functionName}-throttles`,
          alarmDescription: `${fn.functionName} was throttled at least once in 5 minutes (account or reserved concurrency reached).`,
          metric: fn.function.metricThrottles({ period: FIVE_MINUTES }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
        },
        fn,
      );
    }

    // --- Queues ---
    for (const [shortName, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${pascal(shortName)}Depth`, {
        alarmName: name(`${shortName}-depth`),
        alarmDescription: `Messages are waiting in the dead-letter queue ${name(shortName)}: something failed for good and needs a look.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    // --- SES: account-wide, as SES measures it; every stage in the same account sees the same rate. ---
    const bounceRate = new Metric({
      namespace: 'AWS/SES',
      metricName: 'Reputation.BounceRate',
      statistic: 'Maximum',
      period: Duration.minutes(15),
    });
    alarm('SesBounceRate', {
      alarmName: name('ses-bounce-rate'),
      alarmDescription: `The SES account bounce rate is above ${ALARM_THRESHOLDS.sesBounceRate * 100}%: SES puts the account under review from 5% and may pause sending.`,
      metric: bounceRate,
      threshold: ALARM_THRESHOLDS.sesBounceRate,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });

    // --- Saved Logs Insights queries (CloudWatch > Logs Insights > Saved queries, folder atrium/<stage>) ---
    const functionLogs = props.functions.map((fn) => fn.logGroup);
    new QueryDefinition(this, 'ApiErrorsByRoute', {
      queryDefinitionName: `atrium/${config.stage}/api-errors-by-route`,
      logGroups: [props.accessLogs],
      queryString: new QueryString({
        filterStatements: ['status >= 500'],
        statsStatements: ['count(*) as errors by routeKey, status'],
        sort: 'errors desc',
      }),
    });
    new QueryDefinition(this, 'FunctionErrorsByRoute', {
      queryDefinitionName: `atrium/${config.stage}/function-errors-by-route`,
      logGroups: functionLogs,
      queryString: new QueryString({
        // HTTP handlers log the route key; workers have none, so their function name stands in.
        fields: ['coalesce(route, function_name) as source'],
        filterStatements: ['level = "ERROR"'],
        statsStatements: ['count(*) as errors by source'],
        sort: 'errors desc',
      }),
    });
    new QueryDefinition(this, 'SlowestRequests', {
      queryDefinitionName: `atrium/${config.stage}/slowest-requests`,
      logGroups: [props.accessLogs],
      queryString: new QueryString({
        fields: ['@timestamp', 'requestId', 'routeKey', 'status', 'responseLatency', 'integrationLatency'],
        sort: 'responseLatency desc',
        limit: 20,
      }),
    });

    // --- Dashboard ---
    const perFunction = (metric: (fn: HandlerFunction) => IMetric) => props.functions.map(metric);
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Sum', period: FIVE_MINUTES, label: metricName });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: resourceName(config),
      defaultInterval: Duration.hours(6),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Atrium ${config.stage}\nAlarms go to the SNS topic \`${name('alarms')}\`; docs/operations.md says what each one means.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [requests, clientErrors, serverErrors],
        right: [serverErrorRate],
        width: 8,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: ['p50', 'p90', 'p99'].map((statistic) => latency(statistic).with({ label: statistic })),
        width: 8,
      }),
      new GraphWidget({
        title: 'API integration latency p99 (ms)',
        left: [httpApi.metricIntegrationLatency({ period: FIVE_MINUTES, statistic: 'p99', label: 'integration p99' })],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors',
        left: perFunction((fn) => fn.function.metricErrors({ period: FIVE_MINUTES, label: fn.functionName })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function duration p99 (ms)',
        left: perFunction((fn) => fn.function.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: fn.functionName })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function throttles',
        left: perFunction((fn) => fn.function.metricThrottles({ period: FIVE_MINUTES, label: fn.functionName })),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Mail queue',
        left: [
          props.mailQueue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: 'waiting' }),
          props.mailQueue.metricApproximateNumberOfMessagesNotVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: 'in flight' }),
        ],
        right: [props.mailQueue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum', label: 'oldest (s)' })],
        width: 8,
      }),
      new GraphWidget({
        title: 'Dead-letter queues',
        left: Object.entries(props.deadLetterQueues).map(([shortName, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: name(shortName) }),
        ),
        width: 8,
      }),
      new GraphWidget({
        title: 'SES (whole account)',
        left: [ses('Send'), ses('Delivery'), ses('Bounce'), ses('Complaint')],
        right: [bounceRate.with({ label: 'bounce rate (0-1)' })],
        width: 8,
      }),
    );
  }
}

function pascal(kebab: string): string {
  return kebab
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
