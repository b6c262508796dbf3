// What holds data, identities and keys: the single table, the files bucket, the two user pools, the licence-signing
// key and the SES configuration set. Kept apart from the stateless API so that redeploying or replacing functions can never touch a
// customer's data or account.

import { ArnFormat, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { cognitoTriggers } from '#functions/workers.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';
import { GLOBAL_SECONDARY_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/db/table.ts';
import { InboundMail } from '#infra/constructs/inbound-mail.ts';
import {
  filesBucketName,
  licenceSigningSecretName,
  mailConfigurationSetName,
  type StageConfig,
  tableName,
  unsubscribeSecretName,
} from '#infra/config.ts';
import { handlerFunctionName } from '#infra/constructs/handler-function.ts';
import { PortalUserPool } from '#infra/constructs/portal-user-pool.ts';

export interface StatefulStackProps extends StackProps {
  config: StageConfig;
}

export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly filesBucket: Bucket;
  readonly customers: PortalUserPool;
  readonly staff: PortalUserPool;
  readonly licenceSigningKey: Secret;
  readonly mailConfigurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    // The table's shape comes from shared/db/table.ts, the same declaration the local runtime builds DynamoDB Local from.
    this.table = new TableV2(this, 'Table', {
      tableName: tableName(config),
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: GLOBAL_SECONDARY_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

    // Ticket attachments (and, under inbound/, the mail SES receives). Browsers upload straight to it with presigned
    // POSTs from the portal's origin and download through presigned GET links; nothing in it is ever public.
    this.filesBucket = new Bucket(this, 'Files', {
      bucketName: filesBucketName(config, this.account),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      cors: [
        {
          allowedOrigins: [config.portalUrl],
          allowedMethods: [HttpMethods.POST, HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.filesBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every read and write of an attachment goes through the API (which logs who asked, and audits staff) or a presigned URL it signed for one caller a minute or ten; CloudTrail data events can be turned on per stage when object-level access logs are needed, without a second bucket of logs to keep.',
    });
    // Replies to ticket mail: the reply-address key, and (on stages with a reply domain) SES storing received mail
    // under inbound/ of the files bucket.
    new InboundMail(this, 'InboundMail', { config, bucket: this.filesBucket });

    // The pools' triggers (order-number sign-in, Atrium's e-mails) are worker-table functions of the API stack.
    // They are named here by their fixed names instead of referenced: the API stack already depends on this one (the
    // authorizers trust these pools), so a reference back would be a cycle between the stacks.
    const triggersOf = (pool: 'customer' | 'staff') =>
      Object.fromEntries(
        cognitoTriggers(pool).map(({ operation, handler }) => [
          operation,
          this.formatArn({
            service: 'lambda',
            resource: 'function',
            resourceName: handlerFunctionName(config, handler),
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ]),
      );

    this.customers = new PortalUserPool(this, 'Customers', {
      config,
      audience: 'customer',
      selfSignUp: true,
      refreshTokenValidity: config.refreshTokenValidity.customer,
      triggers: triggersOf('customer'),
    });

    this.staff = new PortalUserPool(this, 'Staff', {
      config,
      audience: 'staff',
      selfSignUp: false,
      groups: STAFF_GROUPS,
      refreshTokenValidity: config.refreshTokenValidity.staff,
      // Atrium's staff e-mails: the invitation to set a first password, reset links to /admin, the sign-in code.
      triggers: triggersOf('staff'),
    });

    // The Ed25519 private key that signs licence files (issue #4). The operator puts the real PKCS#8 PEM in after the
    // first deploy (docs/operations.md); the generated value is only a placeholder, and CloudFormation never
    // regenerates it on later deploys. Only routes marked `signsLicences` in the route table may read it.
    this.licenceSigningKey = new Secret(this, 'LicenceSigningKey', {
      secretName: licenceSigningSecretName(config),
      description: `Atrium ${config.stage}: Ed25519 private key (PKCS#8 PEM) that signs licence files`,
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.licenceSigningKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotation does not apply to a signing key: licence files already issued are verified with its public key, so an automatic rotation would break their verification. Replacing it is a planned key rollover (publish the new public key, then switch), done by the operator.',
    });

    // The HMAC key of the mailing list's one-click unsubscribe links: random, generated once; only the routes marked
    // `unsubscribeLinks` (and whatever sends marketing mail) may read it. Rotating it voids the links already mailed.
    const unsubscribeKey = new Secret(this, 'UnsubscribeLinkKey', {
      secretName: unsubscribeSecretName(config),
      description: `Atrium ${config.stage}: HMAC key of the mailing list's one-click unsubscribe links`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(unsubscribeKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'An automatic rotation would void every unsubscribe link already mailed (RFC 8058 links must keep working); replacing the key is an operator decision (docs/operations.md).',
    });

    // Every Atrium e-mail is sent with this configuration set: SES publishes its bounces and complaints to the default
    // event bus, where the record-mail-feedback worker puts the addresses on Atrium's own suppression list. The
    // configuration set's own suppression list stops the same addresses inside SES as well.
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: mailConfigurationSetName(config),
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.mailConfigurationSet.addEventDestination('Feedback', {
      configurationSetEventDestinationName: 'bounces-and-complaints',
      // SES delivers events to the account's default bus only.
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'FilesBucketName', { value: this.filesBucket.bucketName });
    new CfnOutput(this, 'CustomerUserPoolId', { value: this.customers.userPool.userPoolId });
    new CfnOutput(this, 'CustomerClientId', { value: this.customers.client.userPoolClientId });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.staff.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: this.staff.client.userPoolClientId });
    new CfnOutput(this, 'LicenceSigningSecretName', { value: licenceSigningSecretName(config) });
    new CfnOutput(this, 'MailConfigurationSetName', { value: this.mailConfigurationSet.configurationSetName });
  }
}
