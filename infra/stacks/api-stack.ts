// The stateless API: one HTTP API, two JWT authorizers, and one function, route and grant per entry of the route
// table (functions/routes.ts). Nothing about a route is declared here; adding a route means adding a table entry.

import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type Access, routeId, routes } from '#functions/routes.ts';
import { GLOBAL_SECONDARY_INDEXES } from '#shared/db/table.ts';
import { resourceName, type StageConfig, tableName } from '#infra/config.ts';
import type { PortalUserPool } from '#infra/constructs/portal-user-pool.ts';
import { RouteFunction } from '#infra/constructs/route-function.ts';

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  customers: PortalUserPool;
  staff: PortalUserPool;
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
  readonly functions: Map<string, RouteFunction> = new Map();

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
      IDENTITY_ADAPTER: 'cognito',
      CUSTOMER_CLIENT_ID: customers.client.userPoolClientId,
      STAFF_CLIENT_ID: staff.client.userPoolClientId,
      PORTAL_URL: config.portalUrl,
      POWERTOOLS_SERVICE_NAME: 'atrium',
    };

    // SES authorises a send against the sender's verified identity: the domain, or the address itself.
    const mailIdentityArns = [config.mail.domain, config.mail.from].map((identity) =>
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
    );

    for (const route of routes) {
      const id = routeId(route);
      const routeFunction = new RouteFunction(this, id, { config, route, table, environment, mailIdentityArns });
      this.functions.set(id, routeFunction);

      const authorizer = authorizers[route.access];
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, routeFunction.function),
        ...(authorizer ? { authorizer } : {}),
      });

      if (route.access === 'public' && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design in the route table (health check or the sign-in steps that issue tokens); the handler validates its input and the stage is throttled.`,
        });
      }
    }

    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}
