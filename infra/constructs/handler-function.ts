// One Lambda function for one entry of the route table or the worker table: fixed bundling and runtime defaults, its
// own log group and role, and exactly the table, mail and user-pool permissions its entry declares.

import path from 'node:path';
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import type { TableAccess } from '#functions/routes.ts';
import type { PoolName } from '#shared/config.ts';
import { COGNITO_ADMIN_ACTIONS } from '#shared/identity/cognito-admin-actions.ts';
import {
  filesBucketName,
  licenceSigningSecretName,
  resourceName,
  type StageConfig,
  ticketReplySecretName,
  unsubscribeSecretName,
} from '#infra/config.ts';
import {
  CREATE_REQUIRE_BANNER,
  FONT_LOADER,
  HANDLER_ALIASES,
  HANDLER_DEFINES,
  HANDLER_EXTERNALS,
  HANDLER_TARGET,
  PROJECT_ROOT,
} from '#infra/bundling/handler-bundling.ts';

/** The runtime every handler runs on: the newest Node.js in this aws-cdk-lib (cdk-nag's L1 rule checks it). */
export const HANDLER_RUNTIME = Runtime.NODEJS_24_X;

/** Cognito waits at most 5 seconds for a trigger's answer; running longer only costs money. */
export const COGNITO_TRIGGER_TIMEOUT = Duration.seconds(5);

/**
 * The physical name of the function of a route or worker entry, `atrium-<stage>-<handler with - for />`. Fixed, so the
 * stateful stack can point the user pool's triggers at functions the API stack deploys without a cross-stack reference.
 */
export function handlerFunctionName(config: StageConfig, handler: string): string {
  return resourceName(config, handler.replaceAll('/', '-'));
}

/** Who invokes the function, which decides where a failed invocation ends up. */
export type Invocation =
  /** API Gateway, synchronously: the caller gets the error. */
  | { kind: 'http' }
  /** The SQS event source, synchronously: a failed message returns to its queue, then goes to the queue's DLQ. */
  | { kind: 'sqs' }
  /** EventBridge, asynchronously: after Lambda's own retries the event goes to this dead-letter queue. */
  | { kind: 'async'; deadLetterQueue: IQueue }
  /** A user pool trigger, synchronously: Cognito fails the user's request (sign-in, sign-up) when the function fails. */
  | { kind: 'cognito' };

/** How a function that sends e-mail does it. */
export type MailSending =
  /** HTTP routes queue the mail (sqs:SendMessage on the mail queue) and answer at once. */
  | { via: 'queue'; queue: IQueue; configurationSetName: string }
  /**
   * The mail worker sends it through SES. SendEmail with a ConfigurationSetName is authorised against the sender
   * identity and the configuration set, so both ARNs are listed.
   */
  | { via: 'ses'; resourceArns: string[]; configurationSetName: string };

export interface HandlerFunctionProps {
  config: StageConfig;
  /** Module under functions/, without extension; it exports `handler`. */
  handler: string;
  /** What the function does, e.g. `GET /api/me`; shown on the function and its role. */
  description: string;
  table: ITableV2;
  tableAccess: TableAccess;
  /** Environment every handler reads through shared/config.ts. */
  environment: Record<string, string>;
  invocation: Invocation;
  /** A worker's own timeout (functions/workers.ts `timeoutSeconds`); otherwise the stage's. */
  timeoutSeconds?: number;
  /** Only for entries that declare `sendsMail` (or, for workers, `queuesMail`). */
  mail?: MailSending;
  /** Only for entries that declare `identityAdmin`: the user pools' ARNs, for the admin calls the Cognito adapter makes. */
  userPoolArns?: Record<PoolName, string>;
  /** Only for entries that declare `signsLicences`: may read the licence-signing secret, and is told its name. */
  signsLicences?: boolean;
  /** Only for entries that declare `unsubscribeLinks`: may read the unsubscribe-link secret, and is told its name. */
  unsubscribeLinks?: boolean;
  /** Only for entries that declare `ticketReplies`: may read the ticket reply-address key, and is told its name. */
  ticketReplies?: boolean;
  /**
   * Only for entries that declare `files`: the files bucket's attachments (`attachments/*`), read (GetObject: download
   * links, the check after upload) or read-write (also PutObject, which a presigned POST is signed for, and
   * DeleteObject); the function is told the bucket's name as FILES_BUCKET.
   */
  files?: 'read' | 'read-write';
  /**
   * Only for entries that declare `invoicePdfs`: the files bucket's invoice PDFs (`invoices/*`), GetObject and PutObject
   * (stored on the first download); told the bucket as FILES_BUCKET; the bundle copies the PDF's TTF fonts beside it.
   */
  invoicePdfs?: boolean;
}

/** The actions of each files access; HeadObject is authorised as GetObject. */
export const FILES_ACTIONS = {
  read: ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
} as const;

export class HandlerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly functionName: string;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { config, invocation, mail } = props;
    this.functionName = handlerFunctionName(config, props.handler);

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${this.functionName}`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to its own log group and nothing else.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${config.stage})`,
    });
    this.logGroup.grantWrite(this.role);

    const mailEnvironment: Record<string, string> = !mail
      ? {}
      : mail.via === 'queue'
        ? { MAIL_QUEUE_URL: mail.queue.queueUrl, SES_CONFIGURATION_SET: mail.configurationSetName }
        : { SES_CONFIGURATION_SET: mail.configurationSetName };

    this.function = new NodejsFunction(this, 'Function', {
      functionName: this.functionName,
      description: props.description,
      entry: path.join(PROJECT_ROOT, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: HANDLER_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: config.lambda.memorySize,
      timeout:
        invocation.kind === 'cognito'
          ? COGNITO_TRIGGER_TIMEOUT
          : props.timeoutSeconds
            ? Duration.seconds(props.timeoutSeconds)
            : config.lambda.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      ...(invocation.kind === 'async' ? { deadLetterQueue: invocation.deadLetterQueue } : {}),
      environment: {
        ...props.environment,
        ...mailEnvironment,
        ...(props.signsLicences ? { LICENCE_SIGNING_SECRET_ID: licenceSigningSecretName(config) } : {}),
        ...(props.unsubscribeLinks ? { UNSUBSCRIBE_SECRET_ID: unsubscribeSecretName(config) } : {}),
        ...(props.ticketReplies ? { TICKET_REPLY_SECRET_ID: ticketReplySecretName(config) } : {}),
        ...(props.files || props.invoicePdfs ? { FILES_BUCKET: filesBucketName(config, Stack.of(scope).account) } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // The same build as infra/bundling/handler-bundling.ts describes for the benchmark.
        format: OutputFormat.ESM,
        target: HANDLER_TARGET,
        platform: 'node',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // Bundle the AWS SDK too: a pinned, tree-shaken copy loads faster than the runtime's.
        externalModules: HANDLER_EXTERNALS,
        banner: CREATE_REQUIRE_BANNER,
        define: HANDLER_DEFINES,
        esbuildArgs: Object.fromEntries(Object.entries(HANDLER_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
        // Only the invoice PDF routes import fonts: copied beside the bundle, not inlined (shared/billing/invoice-fonts.ts).
        ...(props.invoicePdfs ? { loader: FONT_LOADER } : {}),
      },
    });

    this.grantTable(props.table, props.tableAccess, mail?.via === 'queue');
    if (mail?.via === 'queue') mail.queue.grantSendMessages(this.function);
    if (mail?.via === 'ses') {
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: mail.resourceArns }));
    }
    // The admin calls of the Cognito adapter, each on the pool it concerns; the public client's calls (sign-in, sign-up,
    // refresh) need no IAM permission at all.
    for (const [pool, userPoolArn] of Object.entries(props.userPoolArns ?? {}) as Array<[PoolName, string]>) {
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...COGNITO_ADMIN_ACTIONS[pool]], resources: [userPoolArn] }));
    }
    // The secret is found by its fixed name, as the table is, so this stack holds no reference to the stateful one;
    // Secrets Manager ends a secret's ARN with 6 random characters, hence the 6 `?`.
    const secrets = [
      ...(props.signsLicences ? [licenceSigningSecretName(config)] : []),
      ...(props.unsubscribeLinks ? [unsubscribeSecretName(config)] : []),
      ...(props.ticketReplies ? [ticketReplySecretName(config)] : []),
    ];
    for (const secretName of secrets) {
      const secretArn = Stack.of(this).formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: `${secretName}-??????`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }));
    }

    if (props.files) this.grantFiles(config, props.files);
    if (props.invoicePdfs) this.grantInvoicePdfs(config);

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement added by active tracing uses Resource "*": xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
    if (invocation.kind === 'http') {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'API Gateway invokes this function synchronously and returns its errors to the caller; a dead-letter queue only receives failed asynchronous invocations, which never happen here.',
      });
    }
    if (invocation.kind === 'cognito') {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          "Cognito invokes user pool triggers synchronously and fails the user's own request (sign-in, sign-up, a code e-mail) when the function fails; a dead-letter queue only receives failed asynchronous invocations, which never happen here.",
      });
    }
    if (invocation.kind === 'sqs') {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          "The SQS event source invokes this function synchronously; a message that keeps failing moves to the queue's own dead-letter queue (redrive policy, 5 receives), so a function DLQ would never receive anything.",
      });
    }
  }

  /** The attachments in the files bucket, found by its fixed name (no reference to the stateful stack), and nothing else. */
  private grantFiles(config: StageConfig, access: 'read' | 'read-write'): void {
    const bucket = filesBucketName(config, Stack.of(this).account);
    const objects = `arn:${Stack.of(this).partition}:s3:::${bucket}/attachments/*`;
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...FILES_ACTIONS[access]], resources: [objects] }));
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(this).resolve(objects))}]`,
      reason:
        "Attachments are objects named attachments/<ticket>/<id>: the function works on whichever one the request names, after checking the ticket is the caller's; the wildcard stops at that prefix of this one bucket.",
    });
  }

  /** The invoice PDFs in the files bucket (`invoices/*`): read and store, never delete; nothing else of the bucket. */
  private grantInvoicePdfs(config: StageConfig): void {
    const bucket = filesBucketName(config, Stack.of(this).account);
    const objects = `arn:${Stack.of(this).partition}:s3:::${bucket}/invoices/*`;
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(this).resolve(objects))}]`,
      reason:
        "Invoice PDFs are objects named invoices/<account>/<invoice>.pdf: the function reads or stores the one of the invoice the request names, after reading that invoice from the caller's own account (or, for staff, by id); the wildcard stops at that prefix of this one bucket.",
    });
  }

  /**
   * Least privilege, straight from the entry's table access. Queueing mail needs one read as well: sendMail looks the
   * address up on the suppression list first (shared/mail/send.ts), so an entry that declares no table access still
   * gets GetItem.
   */
  private grantTable(table: ITableV2, access: TableAccess, queuesMail: boolean): void {
    if (access === 'read') table.grantReadData(this.function);
    else if (access === 'read-write') table.grantReadWriteData(this.function);
    else if (queuesMail) table.grant(this.function, 'dynamodb:GetItem');
    else return;
    // cdk-nag names a wildcard finding by the flattened resource; build the same name from the same token.
    const indexes = flattenCfnReference(Stack.of(this).resolve(`${table.tableArn}/index/*`));
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${indexes}]`,
      reason:
        "The table grant covers the table's own secondary indexes (GSI1: staff lists and reverse look-ups); the wildcard stops at this one table.",
    });
  }
}
