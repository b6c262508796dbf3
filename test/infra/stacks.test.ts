// What each stage deploys: the table from shared/db/table.ts, the two user pools, one function, route, authorizer and
// grant per route-table entry, and the web front door. Synthesised once per stage, without bundling.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#functions/routes.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { GSI1, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/db/table.ts';
import { stageConfig } from '#infra/config.ts';
import { PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';
import { addAtrium } from '#infra/stacks/atrium.ts';

interface Synthesized {
  stateful: Template;
  api: Template;
  web: Template;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;

/** The app as `cdk synth` builds it (cdk.json's feature flags, CloudFormation validation on), minus bundling. */
function synth(stage: string): Synthesized {
  const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  // A folder that never exists: tests must not depend on whether someone has built the web app.
  const stacks = addAtrium(app, stageConfig(stage), { webDistPath: path.join(PROJECT_ROOT, '.no-web-dist') });
  app.synth();
  return {
    stateful: Template.fromStack(stacks.stateful),
    api: Template.fromStack(stacks.api),
    web: Template.fromStack(stacks.web),
  };
}

const functionName = (stage: string, route: Route) => `atrium-${stage}-${route.handler.replaceAll('/', '-')}`;

function logicalIdOf(template: Template, type: string, props: Record<string, unknown>): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found, `${type} ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0] as string;
}

/** Every IAM action granted to the role of the route's function. */
function actionsOf(template: Template, stage: string, route: Route): { action: string; resources: unknown[] }[] {
  const fnId = logicalIdOf(template, 'AWS::Lambda::Function', { FunctionName: functionName(stage, route) });
  const fn = template.toJSON().Resources[fnId] as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } };
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).flatMap(
      (statement) =>
        [statement.Action].flat().map((action) => ({ action, resources: [statement.Resource].flat() })),
    ),
  );
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe.each(['dev', 'prod'])('the %s stage', (stage) => {
  const prod = stage === 'prod';
  let t: Synthesized;

  beforeAll(() => {
    t = synth(stage);
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
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: GSI1.name,
            KeySchema: [
              { AttributeName: GSI1.partitionKey, KeyType: 'HASH' },
              { AttributeName: GSI1.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ],
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

    it('requires an e-mailed one-time code on top of the password for customers', () => {
      t.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolName: `atrium-${stage}-customer`,
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        MfaConfiguration: 'ON',
        EnabledMfas: ['EMAIL_OTP'],
        UserPoolTier: prod ? 'PLUS' : 'ESSENTIALS',
        EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER' }),
      });
    });

    it('lets no one sign up to the staff pool and gives it the staff groups', () => {
      t.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolName: `atrium-${stage}-staff`,
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'ON',
        EnabledMfas: ['EMAIL_OTP'],
      });
      const groups = Object.values(t.stateful.findResources('AWS::Cognito::UserPoolGroup')).map(
        (group) => group.Properties.GroupName,
      );
      expect(groups.sort()).toEqual([...STAFF_GROUPS].sort());
    });

    it('gives each pool a secretless client that hides whether an account exists and issues 15-minute tokens', () => {
      t.stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
      t.stateful.allResourcesProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 15,
        TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
      });
    });
  });

  describe('api stack', () => {
    it('builds exactly one function per route, on the newest Node.js runtime for ARM', () => {
      t.api.resourceCountIs('AWS::Lambda::Function', routes.length);
      for (const route of routes) {
        t.api.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: functionName(stage, route),
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: Match.objectLike({ LogGroup: Match.anyValue() }),
        });
      }
    });

    it('gives every function the variables shared/config.ts requires', () => {
      t.api.allResourcesProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: `atrium-${stage}`,
            MAIL_FROM: Match.stringLikeRegexp('@'),
            IDENTITY_ADAPTER: 'cognito',
            CUSTOMER_CLIENT_ID: Match.anyValue(),
            STAFF_CLIENT_ID: Match.anyValue(),
            PORTAL_URL: Match.stringLikeRegexp('^https://'),
            POWERTOOLS_SERVICE_NAME: 'atrium',
          }),
        },
      });
    });

    it('gives every function its own log group with a retention period', () => {
      for (const route of routes) {
        t.api.hasResourceProperties('AWS::Logs::LogGroup', {
          LogGroupName: `/aws/lambda/${functionName(stage, route)}`,
          RetentionInDays: Match.anyValue(),
        });
      }
    });

    it('protects every non-public route with the authorizer of its audience and leaves public routes open', () => {
      const authorizerIds = {
        customer: logicalIdOf(t.api, 'AWS::ApiGatewayV2::Authorizer', { Name: `atrium-${stage}-customer` }),
        staff: logicalIdOf(t.api, 'AWS::ApiGatewayV2::Authorizer', { Name: `atrium-${stage}-staff` }),
      };
      t.api.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
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
    });

    it("grants a 'read' route's function no write action on the table", () => {
      const readRoutes = routes.filter((route) => route.table === 'read');
      expect(readRoutes.length).toBeGreaterThan(0);
      for (const route of readRoutes) {
        const actions = actionsOf(t.api, stage, route).map(({ action }) => action);
        expect(actions, route.handler).toContain('dynamodb:Query');
        expect(actions.filter((action) => WRITE_ACTIONS.includes(action)), route.handler).toEqual([]);
      }
    });

    it("grants write actions only to 'read-write' routes and no table access to 'none' routes", () => {
      for (const route of routes) {
        const actions = actionsOf(t.api, stage, route).map(({ action }) => action);
        const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
        if (route.table === 'none') expect(dynamo, route.handler).toEqual([]);
        if (route.table === 'read-write') expect(dynamo, route.handler).toEqual(expect.arrayContaining(WRITE_ACTIONS));
      }
    });

    it('lets only the routes that send mail call SES, and only from the configured sender identity', () => {
      for (const route of routes) {
        const ses = actionsOf(t.api, stage, route).filter(({ action }) => action.startsWith('ses:'));
        if (!route.sendsMail) {
          expect(ses, route.handler).toEqual([]);
          continue;
        }
        expect(ses.map(({ action }) => action)).toEqual(['ses:SendEmail']);
        expect(ses[0]?.resources).not.toContain('*');
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
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
      t.web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    });

    it('routes /api/* to the HTTP API uncached, and serves the app shell for client routes on the default behaviour only', () => {
      const distribution = Object.values(t.web.findResources('AWS::CloudFront::Distribution'))[0]?.Properties
        .DistributionConfig;
      // Distribution-wide error pages would also turn the API's 403 and 404 into index.html.
      expect(distribution.CustomErrorResponses).toBeUndefined();
      expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
        expect.objectContaining({ EventType: 'viewer-request' }),
      ]);
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

    it('sends the security headers on every response', () => {
      t.web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: {
            ContentSecurityPolicy: {
              ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'.*frame-ancestors 'none'"),
              Override: true,
            },
            StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
            FrameOptions: { FrameOption: 'DENY', Override: true },
            ContentTypeOptions: { Override: true },
            ReferrerPolicy: Match.objectLike({ Override: true }),
          },
        }),
      });
    });

    it('writes config.json at deploy time and skips the web app when web/dist is missing', () => {
      t.web.resourceCountIs('Custom::CDKBucketDeployment', 1);
      t.web.hasResourceProperties('Custom::CDKBucketDeployment', {
        Prune: false,
        DistributionPaths: ['/config.json'],
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
    ];
    for (const [template, type, property] of named) {
      const resources = template.toJSON().Resources as Resources;
      const names = Object.values(resources)
        .filter((resource) => resource.Type === type)
        .map((resource) => resource.Properties?.[property]);
      expect(names.length, type).toBeGreaterThan(0);
      for (const name of names) expect(name, `${type}.${property}`).toMatch(new RegExp(`atrium-${stage}\\b`));
    }
  });
});
