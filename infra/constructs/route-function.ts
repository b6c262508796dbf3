// One Lambda function for one entry of the route table: fixed bundling and runtime defaults, its own log group and
// role, and exactly the table and mail permissions the route declares.

import path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import type { Route } from '#functions/routes.ts';
import { resourceName, type StageConfig } from '#infra/config.ts';
import {
  CREATE_REQUIRE_BANNER,
  HANDLER_ALIASES,
  HANDLER_DEFINES,
  HANDLER_EXTERNALS,
  HANDLER_TARGET,
  PROJECT_ROOT,
} from '#infra/bundling/handler-bundling.ts';


/** The runtime every handler runs on: the newest Node.js in this aws-cdk-lib (cdk-nag's L1 rule checks it). */
export const HANDLER_RUNTIME = Runtime.NODEJS_24_X;


export interface RouteFunctionProps {
  config: StageConfig;
  route: Route;
  table: ITableV2;
  /** Environment every handler reads through shared/config.ts. */
  environment: Record<string, string>;
  /** SES identities the function may send from; used only when the route sends mail. */
  mailIdentityArns: string[];
}

export class RouteFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { config, route } = props;
    const functionName = resourceName(config, route.handler.replaceAll('/', '-'));

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to its own log group and nothing else.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${route.method} ${route.path} (${config.stage})`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      functionName,
      description: `${route.method} ${route.path}`,
      entry: path.join(PROJECT_ROOT, 'functions', `${route.handler}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: HANDLER_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: config.lambda.memorySize,
      timeout: config.lambda.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
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
      },
    });

    // Least privilege, straight from the route table.
    if (route.table === 'read') props.table.grantReadData(this.function);
    if (route.table === 'read-write') props.table.grantReadWriteData(this.function);
    if (route.table !== 'none') {
      // cdk-nag names a wildcard finding by the flattened resource; build the same name from the same token.
      const indexes = flattenCfnReference(Stack.of(this).resolve(`${props.table.tableArn}/index/*`));
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${indexes}]`,
        reason:
          "The table grant covers the table's own secondary indexes (GSI1: staff lists and reverse look-ups); the wildcard stops at this one table.",
      });
    }
    if (route.sendsMail) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['ses:SendEmail'], resources: props.mailIdentityArns }),
      );
    }

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement added by active tracing uses Resource "*": xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'API Gateway invokes this function synchronously and returns its errors to the caller; a dead-letter queue only receives failed asynchronous invocations, which never happen here.',
    });
  }
}
