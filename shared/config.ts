// Configuration, read from the environment once per cold start; a missing value fails fast with its name.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

function optional(name: string): string | undefined {
  const value = process.env[name];
  return value ? value : undefined;
}

export type IdentityAdapterName = 'local' | 'cognito';
export type PoolName = 'customer' | 'staff';

export interface Config {
  region: string;
  tableName: string;
  /** Set only locally: DynamoDB Local's URL. */
  dynamodbEndpoint: string | undefined;
  /** Set only locally: the local SES v2 server's URL. */
  sesEndpoint: string | undefined;
  mailFrom: string;
  /** The sender of support mail (ticket replies and changes): SUPPORT_MAIL_FROM, else MAIL_FROM. */
  supportMailFrom: string;
  /**
   * The domain SES receives ticket replies on (`reply+<token>@<domain>`): TICKET_REPLY_DOMAIN. Unset: ticket mail has
   * no reply address and replies by e-mail are off.
   */
  ticketReplyDomain: string | undefined;
  /** The bucket of ticket attachments (and, under `inbound/`, of mail SES received): FILES_BUCKET. */
  filesBucket: string | undefined;
  /** Set only locally: the local S3 server's URL. */
  s3Endpoint: string | undefined;
  /** In AWS: mail is queued here and sent by the deliver-mail worker. Unset locally: mail is sent at once. */
  mailQueueUrl: string | undefined;
  /** In AWS: the SES configuration set whose bounce and complaint events feed the suppression list. */
  sesConfigurationSet: string | undefined;
  identityAdapter: IdentityAdapterName;
  /** The public URL the portal is served from (links in e-mails). */
  portalUrl: string;
  /** Order references are this prefix and a number from the table's counter: `JWT1042`. Upper-case letters only. */
  orderReferencePrefix: string;
  local: {
    /** Issuer prefix of the local identity adapter; the pool name is appended. */
    issuerBase: string;
    /** Folder holding the local identity adapter's signing keys. */
    keysDir: string;
  };
  /** Seconds between two sign-in code mails to one address (30; the browser tests shorten it). */
  signInCodeCooldownSeconds: number;
  clientIds: Record<PoolName, string>;
  /** In AWS: the user pools, for the Cognito adapter's admin calls. Unset locally. */
  userPoolIds: Record<PoolName, string | undefined>;
}

/** References are compared upper-case without spaces (normaliseOrderReference), so the prefix must be written so. */
function orderReferencePrefix(prefix: string): string {
  if (!/^[A-Z]{1,10}$/.test(prefix)) throw new Error(`ORDER_REFERENCE_PREFIX must be 1 to 10 letters A-Z, not ${prefix}`);
  return prefix;
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const identityAdapter = (optional('IDENTITY_ADAPTER') ?? 'cognito') as IdentityAdapterName;
  if (identityAdapter !== 'local' && identityAdapter !== 'cognito') {
    throw new Error(`IDENTITY_ADAPTER must be local or cognito, not ${identityAdapter}`);
  }
  cached = {
    region: optional('AWS_REGION') ?? 'eu-central-1',
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: optional('DYNAMODB_ENDPOINT'),
    sesEndpoint: optional('SES_ENDPOINT'),
    mailFrom: required('MAIL_FROM'),
    supportMailFrom: optional('SUPPORT_MAIL_FROM') ?? required('MAIL_FROM'),
    ticketReplyDomain: optional('TICKET_REPLY_DOMAIN'),
    filesBucket: optional('FILES_BUCKET'),
    s3Endpoint: optional('S3_ENDPOINT'),
    mailQueueUrl: optional('MAIL_QUEUE_URL'),
    sesConfigurationSet: optional('SES_CONFIGURATION_SET'),
    identityAdapter,
    portalUrl: optional('PORTAL_URL') ?? 'http://127.0.0.1:5173',
    orderReferencePrefix: orderReferencePrefix(optional('ORDER_REFERENCE_PREFIX') ?? 'JWT'),
    local: {
      issuerBase: identityAdapter === 'local' ? required('LOCAL_IDP_ISSUER_BASE') : '',
      keysDir: identityAdapter === 'local' ? required('LOCAL_IDP_KEYS_DIR') : '',
    },
    signInCodeCooldownSeconds: Number(optional('SIGN_IN_CODE_COOLDOWN_SECONDS') ?? 30),
    clientIds: {
      customer: required('CUSTOMER_CLIENT_ID'),
      staff: required('STAFF_CLIENT_ID'),
    },
    userPoolIds: {
      customer: optional('CUSTOMER_USER_POOL_ID'),
      staff: optional('STAFF_USER_POOL_ID'),
    },
  };
  return cached;
}

/** Tests change the environment between suites; this forgets the cached values. */
export function resetConfigForTests(): void {
  cached = undefined;
}
