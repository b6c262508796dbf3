// Typed per-stage configuration: the shared stages (dev, staging, prod) are declared here; any other name is a
// throwaway developer stage that deploys cheaply and deletes cleanly.

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { FeaturePlan } from 'aws-cdk-lib/aws-cognito';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type Brand, DEFAULT_BRAND, parseBrand } from '#shared/brand.ts';
import { DEFAULT_BILLING, parseBillingSettings, type BillingSettings } from '#shared/billing/settings.ts';
import { DEFAULT_SUPPORT_CALENDAR, parseSupportCalendar, type SupportCalendar } from '#shared/tickets/business-hours.ts';

export const SHARED_STAGES = ['dev', 'staging', 'prod'] as const;
export type SharedStage = (typeof SHARED_STAGES)[number];

export interface StageConfig {
  /** The stage name; every resource name carries it. */
  stage: string;
  /** True for a developer's own stage: destroyed with its stack, nothing kept. */
  throwaway: boolean;
  /** Stacks are pinned to a region (SES and Cognito e-mail must agree on it) but not to an account. */
  region: string;
  /** Stateful resources: kept on stack deletion in prod, destroyed elsewhere. */
  removalPolicy: RemovalPolicy;
  /** CloudFormation-level deletion protection on the table and the user pools. */
  deletionProtection: boolean;
  /** Empty buckets on stack deletion so throwaway stages tear down in one command. */
  autoDeleteObjects: boolean;
  logRetention: RetentionDays;
  /** Cognito feature plan; PLUS adds threat protection (and costs per active user). */
  featurePlan: FeaturePlan;
  mail: {
    /** The SES-verified sender. Placeholder domains: replace with the verified identity before deploying. */
    from: string;
    /** The sender of support mail (ticket replies and changes), in the same SES identity: SUPPORT_MAIL_FROM. */
    supportFrom: string;
    fromName: string;
    /** The SES identity (domain) the sender belongs to; the IAM grant is scoped to it. */
    domain: string;
  };
  /** The portal's public URL, used in links in e-mails. */
  portalUrl: string;
  api: {
    /** Steady-state requests per second across the stage. */
    rateLimit: number;
    burstLimit: number;
  };
  lambda: {
    memorySize: number;
    timeout: Duration;
  };
  /** Refresh tokens: how long a customer or staff member stays signed in. */
  refreshTokenValidity: { customer: Duration; staff: Duration };
  /**
   * The deploying vendor's brand (shared/brand.ts): product name, logo, colours, support address, legal footer and
   * favicon, for the web (/brand.js) and every mail (ATRIUM_BRAND). Checked by parseBrand when the stage is read.
   */
  brand: Brand;
  /**
   * Replies by e-mail to tickets (issue #13): SES receives mail for `replyDomain` (its MX points at SES) into the files
   * bucket; `ruleSetName` adds the rule to the account's already active receipt rule set instead of the stage's own.
   * Unset: ticket mail carries no reply address and nothing is received (throwaway stages).
   */
  inboundMail?: { replyDomain: string; ruleSetName?: string };
  /**
   * The support desk's business hours (shared/tickets/business-hours.ts): time zone, working days, opening hours and
   * public holidays, from which every SLA due time is counted. Passed to the lambdas as ATRIUM_SUPPORT_CALENDAR;
   * checked by parseSupportCalendar when the stage is read.
   */
  supportCalendar: SupportCalendar;
  /**
   * Seller, bank account, VAT rate, order expiry and invoice series of the shop (shared/billing/settings.ts). Passed to
   * the lambdas as ATRIUM_BILLING; checked at synth time.
   */
  billing: BillingSettings;
}

const BASE_DOMAIN = 'atrium.example.com';

function sharedStage(stage: SharedStage): StageConfig {
  const prod = stage === 'prod';
  const host = prod ? `portal.${BASE_DOMAIN}` : `${stage}.portal.${BASE_DOMAIN}`;
  const mailDomain = prod ? `mail.${BASE_DOMAIN}` : `${stage}.mail.${BASE_DOMAIN}`;
  return {
    stage,
    throwaway: false,
    region: 'eu-central-1',
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    autoDeleteObjects: !prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : stage === 'staging' ? RetentionDays.ONE_MONTH : RetentionDays.TWO_WEEKS,
    featurePlan: prod ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
    mail: { from: `no-reply@${mailDomain}`, supportFrom: `support@${mailDomain}`, fromName: 'Atrium', domain: mailDomain },
    portalUrl: `https://${host}`,
    api: prod ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 50, burstLimit: 100 },
    lambda: { memorySize: 1024, timeout: Duration.seconds(10) },
    refreshTokenValidity: { customer: Duration.days(30), staff: Duration.hours(12) },
    // A vendor deploying Atrium names its own brand here (any field left out stays Atrium's), e.g.
    // parseBrand({ productName: 'Nordwind Portal', supportEmail: 'help@nordwind.example', logoUrl: 'https://...' }).
    brand: parseBrand(DEFAULT_BRAND),
    inboundMail: { replyDomain: `reply.${mailDomain}` },
    // Warsaw, Monday to Friday 08:00-17:00, Polish public holidays; e.g. parseSupportCalendar({ timeZone:
    // 'Europe/Berlin', hours: { start: '09:00', end: '18:00' }, holidays: ['2027-10-03', ...] }). Add each year's holidays.
    supportCalendar: parseSupportCalendar(DEFAULT_SUPPORT_CALENDAR),
    billing: parseBillingSettings(DEFAULT_BILLING),
  };
}

function throwawayStage(stage: string): StageConfig {
  // A developer's stage receives no ticket replies: the reply domain is the dev stage's.
  const { inboundMail: _devInboundMail, ...dev } = sharedStage('dev');
  return {
    ...dev,
    stage,
    throwaway: true,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    autoDeleteObjects: true,
    logRetention: RetentionDays.ONE_WEEK,
    // Developers share the dev stage's verified SES identity.
    portalUrl: `https://${stage}.portal.${BASE_DOMAIN}`,
    api: { rateLimit: 10, burstLimit: 20 },
  };
}

/** Lower-case letters, digits and hyphens, starting with a letter; short enough for every AWS name that carries it. */
const STAGE_NAME = /^[a-z][a-z0-9-]{1,14}$/;

export interface StageOverrides {
  /** `-c portalUrl=https://...`: the distribution's URL until the stage has its own domain. */
  portalUrl?: string | undefined;
}

export function stageConfig(stage: string, overrides: StageOverrides = {}): StageConfig {
  if (!STAGE_NAME.test(stage)) {
    throw new Error(
      `Stage "${stage}" is not valid: use 2-15 lower-case letters, digits or hyphens, starting with a letter (e.g. -c stage=alice).`,
    );
  }
  const config = (SHARED_STAGES as readonly string[]).includes(stage) ? sharedStage(stage as SharedStage) : throwawayStage(stage);
  return overrides.portalUrl ? { ...config, portalUrl: overrides.portalUrl } : config;
}

/** The prefix of every physical name: `atrium-<stage>`. */
export function resourceName(config: StageConfig, name?: string): string {
  return name ? `atrium-${config.stage}-${name}` : `atrium-${config.stage}`;
}

/** The single table's name, fixed per stage so stateless stacks can find it without a cross-stack export. */
export function tableName(config: StageConfig): string {
  return resourceName(config);
}

/**
 * The files bucket (ticket attachments, received mail): fixed per stage and account like the table's name, so the API
 * stack finds it without a cross-stack export; the account id keeps the globally unique bucket name free.
 */
export function filesBucketName(config: StageConfig, account: string): string {
  return resourceName(config, `files-${account}`);
}

/** The SES configuration set every Atrium e-mail is sent with; fixed per stage, like the table's name. */
export function mailConfigurationSetName(config: StageConfig): string {
  return resourceName(config);
}

/** The Secrets Manager secret holding the Ed25519 private key (PKCS#8 PEM) that signs licence files. */
export function licenceSigningSecretName(config: StageConfig): string {
  return `atrium/${config.stage}/licence-signing-key`;
}

/** The Secrets Manager secret holding the HMAC key of the one-click unsubscribe links (random, generated by the stack). */
export function unsubscribeSecretName(config: StageConfig): string {
  return `atrium/${config.stage}/unsubscribe-link-key`;
}

/** The Secrets Manager secret holding the HMAC key of the signed reply addresses of ticket mail (generated by the stack). */
export function ticketReplySecretName(config: StageConfig): string {
  return `atrium/${config.stage}/ticket-reply-key`;
}

/** The CloudWatch namespace of the functions' own metrics (Powertools). */
export function metricsNamespace(config: StageConfig): string {
  return `Atrium/${config.stage}`;
}
