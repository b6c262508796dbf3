// The portal's front door: a private bucket with the built single-page app behind CloudFront, with /api/* routed to
// the HTTP API on the same origin (no CORS, one cookie-free origin for the browser) and the runtime config.json.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { filesBucketName, resourceName, type StageConfig } from '#infra/config.ts';
import { acknowledgeBucketDeploymentGrants, acknowledgeBucketDeploymentHandler } from '#infra/constructs/deployment-acknowledgements.ts';
import type { PortalUserPool } from '#infra/constructs/portal-user-pool.ts';
import { PROJECT_ROOT } from '#infra/bundling/handler-bundling.ts';
import { brandScript } from '#shared/brand.ts';
import {
  FRAME_OPTIONS,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from '#shared/http/security-headers.ts';

/** The CDK enum member whose value the shared definition names; a value CloudFront does not offer fails the synth. */
function enumValue<E extends Record<string, string>>(values: E, value: string): E[keyof E] {
  const found = Object.values(values).find((each) => each === value);
  if (found === undefined) throw new Error(`CloudFront has no header value ${value}`);
  return found as E[keyof E];
}

export interface WebStackProps extends StackProps {
  config: StageConfig;
  /** The HTTP API's execute-api host name. */
  apiDomainName: string;
  customers: PortalUserPool;
  staff: PortalUserPool;
  /** The built web app; deployed only if the folder exists (`npm run build:web`). */
  webDistPath?: string;
}

/** Where the browser finds the API, relative to the portal's own origin. */
export const API_BASE_PATH = '/api';

// Paths without a file extension are client-side routes: serve the app shell. Runs on the default behaviour only,
// so a missing /api/* route still answers with the API's own 404 and JSON body.
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    const webDistPath = props.webDistPath ?? path.join(PROJECT_ROOT, 'web', 'dist');

    const bucketDefaults = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: config.autoDeleteObjects,
    };

    // CloudFront standard logs are delivered with an ACL grant, so this bucket keeps ACLs (owner preferred).
    const logs = new Bucket(this, 'AccessLogs', {
      ...bucketDefaults,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: config.throwaway ? Duration.days(7) : Duration.days(365) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket for the site bucket and the distribution; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Site', {
      ...bucketDefaults,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3-site/',
    });

    // One definition for CloudFront and the local server (shared/http/security-headers.ts); here with Cognito's endpoint.
    // The pages also upload ticket attachments straight to the files bucket (presigned POST, virtual-hosted style).
    const headers = securityHeaders({
      https: true,
      connectSources: [
        `https://cognito-idp.${config.region}.amazonaws.com`,
        `https://${filesBucketName(config, this.account)}.s3.${config.region}.amazonaws.com`,
      ],
    });
    const securityHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: resourceName(config, 'security-headers'),
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy']!, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(STRICT_TRANSPORT_SECURITY.maxAgeSeconds),
          includeSubdomains: STRICT_TRANSPORT_SECURITY.includeSubdomains,
          override: true,
        },
        frameOptions: { frameOption: enumValue(HeadersFrameOption, FRAME_OPTIONS), override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: enumValue(HeadersReferrerPolicy, REFERRER_POLICY), override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }],
      },
    });

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      functionName: resourceName(config, 'spa-rewrite'),
      comment: 'Serves index.html for client-side routes',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_REWRITE),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Atrium portal (${config.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: config.stage === 'prod' ? PriceClass.PRICE_CLASS_ALL : PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeadersPolicy,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`${API_BASE_PATH}/*`]: {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // POST bodies cannot follow a redirect, so plain HTTP is refused rather than redirected.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeadersPolicy,
        },
      },
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Customers of Atrium vendors sign in from anywhere; there is no country the portal must be withheld from.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: a CloudFront web ACL must live in us-east-1 (a separate stack). Until then the API stage is throttled, every non-public route needs a Cognito JWT, and prod runs Cognito threat protection.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution serves the default *.cloudfront.net certificate, whose minimum TLS version cannot be set; a custom domain with an ACM certificate and TLSv1.2_2021 comes with the stage domains.',
    });

    this.deployContent(props, webDistPath);

    new CfnOutput(this, 'PortalUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
  }

  private deployContent(props: WebStackProps, webDistPath: string): void {
    const { config } = props;

    // One handler role for both deployments, with its own log group instead of the AWS managed basic-execution policy.
    const deployLogs = new LogGroup(this, 'DeploymentLogs', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    const deployRole = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Copies the web app and config.json into the site bucket (${config.stage})`,
    });
    deployLogs.grantWrite(deployRole);

    const common = {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    };

    if (existsSync(webDistPath)) {
      new BucketDeployment(this, 'WebApp', {
        ...common,
        sources: [Source.asset(webDistPath)],
        // config.json and brand.js belong to the deployment below; excluded files survive the prune.
        exclude: ['config.json', 'brand.js'],
        prune: true,
        distributionPaths: ['/*'],
      });
    }

    // Written at deploy time, so the same build runs in every stage.
    new BucketDeployment(this, 'RuntimeConfig', {
      ...common,
      sources: [
        Source.jsonData('config.json', {
          stage: config.stage,
          region: config.region,
          apiBasePath: API_BASE_PATH,
          pools: {
            customer: {
              userPoolId: props.customers.userPool.userPoolId,
              clientId: props.customers.client.userPoolClientId,
            },
            staff: {
              userPoolId: props.staff.userPool.userPoolId,
              clientId: props.staff.client.userPoolClientId,
            },
          },
        }),
        // The stage's brand, which index.html loads before the app (shared/brand.ts).
        Source.data('brand.js', brandScript(config.brand)),
      ],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distributionPaths: ['/config.json', '/brand.js'],
    });

    acknowledgeBucketDeploymentGrants(deployRole);
    acknowledgeBucketDeploymentHandler(this);
  }
}
