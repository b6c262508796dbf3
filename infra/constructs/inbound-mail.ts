// Replies by e-mail to tickets (issue #13). Two halves, one per stack:
// - InboundMail (stateful stack, beside the files bucket): the HMAC key of the signed reply addresses, and SES's receipt
//   rule for the stage's reply domain, which stores every mail it accepts under `inbound/` in the files bucket;
// - connectInboundMail (API stack): the bucket's ObjectCreated notification for `inbound/` → the receive-reply worker,
//   which may read `inbound/` and nothing else of the bucket.

import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ReceiptRule, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { resourceName, type StageConfig, ticketReplySecretName } from '#infra/config.ts';
import type { HandlerFunction } from '#infra/constructs/handler-function.ts';

/** Where SES puts received mail in the files bucket; the worker reads only here (shared/tickets/inbound/). */
export const INBOUND_MAIL_PREFIX = 'inbound/';

export interface InboundMailProps {
  config: StageConfig;
  /** The files bucket (ticket attachments); received mail goes under `inbound/`. */
  bucket: IBucket;
}

export class InboundMail extends Construct {
  readonly replyKey: Secret;
  readonly ruleSet?: ReceiptRuleSet;
  readonly rule?: ReceiptRule;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const { config, bucket } = props;

    // Random, generated once; only functions marked `ticketReplies` may read it. Rotating it voids the reply addresses
    // of every mail already sent (replies to them are then refused as unknown), so it is an operator's decision.
    this.replyKey = new Secret(this, 'ReplyKey', {
      secretName: ticketReplySecretName(config),
      description: `Atrium ${config.stage}: HMAC key of the signed reply addresses of ticket mail`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.replyKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'An automatic rotation would void the reply address of every ticket mail already sent, and customers answer mails weeks later; replacing the key is an operator decision (docs/operations.md).',
    });

    const inbound = config.inboundMail;
    if (!inbound) return;
    // SES has one ACTIVE rule set per account and region: a stage either brings its own (activated once by the
    // operator, docs/operations.md) or adds its rule to the account's active set, named in the stage config.
    if (!inbound.ruleSetName) {
      this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: resourceName(config, 'inbound-mail') });
    }
    const ruleSet = this.ruleSet ?? ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', inbound.ruleSetName!);
    this.rule = new ReceiptRule(this, 'TicketReplies', {
      ruleSet,
      receiptRuleName: resourceName(config, 'ticket-replies'),
      // Every address of the reply domain; the worker accepts only signed reply addresses of existing tickets.
      recipients: [inbound.replyDomain],
      // Spam and virus verdicts (X-SES-Spam-Verdict, X-SES-Virus-Verdict), which the worker refuses on FAIL.
      scanEnabled: true,
      tlsPolicy: TlsPolicy.OPTIONAL,
      // Adds the bucket policy: ses.amazonaws.com may put objects under inbound/ only, for this account only.
      actions: [new S3({ bucket, objectKeyPrefix: INBOUND_MAIL_PREFIX })],
    });
  }
}

export interface ConnectInboundMailProps {
  /** The files bucket's name (a reference into the stateful stack). */
  bucketName: string;
  worker: HandlerFunction;
}

/**
 * The files bucket tells the worker of every mail stored under `inbound/`. The bucket is imported by name here, so the
 * notification (a custom resource that merges with the bucket's other notifications) lives in this stack with the
 * function; declared on the stateful stack's bucket it would make the two stacks refer to each other.
 */
export function connectInboundMail(scope: Construct, props: ConnectInboundMailProps): void {
  const bucket = Bucket.fromBucketName(scope, 'InboundMailBucket', props.bucketName);
  bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(props.worker.function), {
    prefix: INBOUND_MAIL_PREFIX,
  });
  const inboundObjects = bucket.arnForObjects(`${INBOUND_MAIL_PREFIX}*`);
  props.worker.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [inboundObjects] }));
  // cdk-nag names a wildcard finding by the flattened resource; build the same name from the same token.
  Validations.of(props.worker.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(inboundObjects))}]`,
    reason:
      'The worker reads the mail SES stored, whose keys SES chooses (the message id), so it may read any object under inbound/ of the files bucket; nothing else of the bucket.',
  });
  acknowledgeNotificationHandler(Stack.of(scope));
}

/** The notifications custom resource's own function (one per stack, built by aws-cdk-lib): its findings, with reasons. */
function acknowledgeNotificationHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (!handler) return;
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "aws-cdk-lib's bucket-notifications custom resource builds its own role with the basic execution policy; it only writes its logs during deployment.",
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The bucket-notifications custom resource calls s3:PutBucketNotification, which it is granted on "*" by aws-cdk-lib; it runs only at deployment, on the bucket it is given.',
    },
  );
}
