// `npm run bench`: one realistic event per handler, against the demo data the bench seeds into DynamoDB Local (the
// customer Anna of Nordwind, her licences and orders; a staff admin). "%UNIQUE%" is replaced per invocation, so
// handlers that create things (sign-up, a new customer's order) create a new one each time; "%IAT%" becomes the
// invocation's epoch second.

import { routes, type Route } from '#functions/routes.ts';
import { type CognitoTriggerOperation, type Worker, workers } from '#functions/workers.ts';
import { DEMO_LOGINS } from '#infra/local/seed.ts';
import { STAFF_INVITATION_PURPOSE } from '#shared/identity/custom-message.ts';

/** Where invoke.mjs takes each invocation's fresh source address (`%IP%`) from: RFC 2544's benchmark block. */
export const BENCH_SOURCE_RANGE = '198.18.0.0/15';

export const DEMO_CUSTOMER_ID = '7c1e0d2a-0000-4000-8000-00000000a001';
const DEMO_STAFF_ID = '7c1e0d2a-0000-4000-8000-00000000f001';
const EMAIL = DEMO_LOGINS.customer.email;
// Routes that mail a code limit how often one address gets one: a fresh address per invocation measures the full path
// (the fake Cognito knows every address), not the 429 of the limit.
const FRESH_EMAIL = 'bench-%UNIQUE%@example.com';

/** The ids the events name, read from the seeded table. */
export interface DemoIds {
  licenceId: string;
  orderId: string;
  subscriptionId: string;
  /** The demo customer's ticket that is not closed. */
  ticketNumber: number;
}

/** The demo account's id (infra/local/seed.ts), the `{accountId}` of the staff routes about a customer. */
const DEMO_ACCOUNT_ID = 'demo-nordwind';

/** A path parameter no route's input names gets the demo data's id of its name, so the route reads real data. */
function defaultPathParameters(ids: DemoIds): Record<string, string> {
  return {
    accountId: DEMO_ACCOUNT_ID,
    licenceId: ids.licenceId,
    orderId: ids.orderId,
    subscriptionId: ids.subscriptionId,
    ticketNumber: String(ids.ticketNumber),
  };
}

interface HttpInput {
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  cookies?: string[];
}

function httpEvent(route: Route, given: HttpInput, ids: DemoIds): unknown {
  const defaults = defaultPathParameters(ids);
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const pathParameters = Object.fromEntries(names.map((name) => [name, given.pathParameters?.[name] ?? defaults[name] ?? name]));
  const input: HttpInput = { ...given, ...(names.length ? { pathParameters } : {}) };
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => pathParameters[name]!);
  // API Gateway hands the JWT's claims on as strings. `iat` is the invocation's own second (%IAT%): a token issued
  // now, so that a route that signs the user out elsewhere (sign-out-other-sessions) does not turn every later
  // customer route into a 401, as it did while the events carried no `iat`.
  const claims =
    route.access === 'customer'
      ? { sub: DEMO_CUSTOMER_ID, token_use: 'access', client_id: 'bench-customer', email: EMAIL, iat: '%IAT%' }
      : route.access === 'staff'
        ? { sub: DEMO_STAFF_ID, token_use: 'access', client_id: 'bench-staff', 'cognito:groups': '[admin]', iat: '%IAT%' }
        : undefined;
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', 'user-agent': 'atrium-bench', host: 'bench.example' },
    ...(input.cookies ? { cookies: input.cookies } : {}),
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.example',
      domainPrefix: 'bench',
      http: { method: route.method, path, protocol: 'HTTP/1.1', sourceIp: '%IP%', userAgent: 'atrium-bench' },
      requestId: 'bench',
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
    },
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    isBase64Encoded: false,
  };
}

const opaqueSession = Buffer.from(JSON.stringify({ c: 'EMAIL_OTP', s: 'bench-session-1', u: 'bench-user' })).toString('base64url');
const customerPool = { pool: 'customer' };

function httpInputs(ids: DemoIds): Record<string, HttpInput> {
  const licence = { licenceId: ids.licenceId };
  return {
    'system/get-health': {},
    'auth/start-sign-in': { pathParameters: customerPool, body: { email: FRESH_EMAIL, password: 'a password', locale: 'en' } },
    'auth/start-order-sign-in': { body: { email: EMAIL, orderReference: 'JWT1016', locale: 'en' } },
    'auth/verify-sign-in-code': { pathParameters: customerPool, body: { email: EMAIL, session: opaqueSession, code: '123456' } },
    'auth/refresh-session': { pathParameters: customerPool, cookies: ['atrium_refresh_customer=bench-refresh-token'] },
    'auth/sign-out': { pathParameters: customerPool, cookies: ['atrium_refresh_customer=bench-refresh-token'] },
    'auth/sign-up': {
      body: { email: 'new-%UNIQUE%@example.com', password: 'Correct-Horse-9-battery', name: 'Bench Person', locale: 'en' },
    },
    'auth/confirm-email': { body: { email: EMAIL, code: '123456' } },
    'auth/resend-confirmation': { body: { email: FRESH_EMAIL, locale: 'en' } },
    'auth/start-password-reset': { pathParameters: customerPool, body: { email: FRESH_EMAIL, locale: 'en' } },
    'auth/finish-password-reset': { pathParameters: customerPool, body: { email: EMAIL, code: '123456', newPassword: 'Another-Pass-42!' } },
    'licences/get-licence': { pathParameters: licence },
    'licences/download-licence-file': { pathParameters: licence },
    'support/download-support-file': { pathParameters: { subscriptionId: ids.subscriptionId } },
    'licences/list-licence-activations': { pathParameters: licence },
    'licences/transfer-licence': { pathParameters: licence, body: { toComputerId: 'bench-%UNIQUE%' } },
    'licences/deactivate-licence': { pathParameters: licence },
    'licensing/activate-licence': { body: { activationKey: 'NAQR-HVW5', computerId: 'bench-%UNIQUE%', licenceId: ids.licenceId } },
    'licensing/refresh-licence': { body: { activationKey: 'NAQR-HVW5', computerId: 'bench-computer', licenceId: ids.licenceId } },
    'orders/get-order': { pathParameters: { orderId: ids.orderId } },
    'admin/create-order': {
      body: {
        email: 'new-%UNIQUE%@example.com',
        contact: { name: 'Bench Customer', country: 'PL', city: 'Gdańsk' },
        lines: [{ sku: 'RA-DSK-3-S1Y', quantity: 1 }],
        locale: 'en',
        idempotencyKey: 'bench-%UNIQUE%',
      },
    },
    'admin/list-orders': { query: { email: EMAIL } },
    'admin/get-order': { pathParameters: { accountId: DEMO_ACCOUNT_ID, orderId: ids.orderId } },
  };
}

const sqsRecord = (body: string) => ({
  messageId: 'bench-message',
  receiptHandle: 'r',
  body,
  attributes: {},
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-central-1:000000000000:atrium-bench-mail',
  awsRegion: 'eu-central-1',
});

const POOLS = {
  customer: { userPoolId: 'eu-central-1_benchCustomer', clientId: 'bench-customer', userName: DEMO_CUSTOMER_ID, email: EMAIL },
  staff: { userPoolId: 'eu-central-1_benchStaff', clientId: 'bench-staff', userName: DEMO_STAFF_ID, email: DEMO_LOGINS.staff.email },
} as const;

/** A user pool trigger's event as Cognito sends it (the pool's user, the trigger source, its request). */
function cognitoEvent(pool: 'customer' | 'staff', triggerSource: string, request: Record<string, unknown>) {
  const user = POOLS[pool];
  return {
    version: '1',
    region: 'eu-central-1',
    userPoolId: user.userPoolId,
    userName: user.userName,
    callerContext: { awsSdkVersion: '3', clientId: user.clientId },
    triggerSource,
    request: { userAttributes: { sub: user.userName, email: user.email, locale: 'en' }, ...request },
    response: {},
  };
}

const orderRound = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ORDER_NUMBER' };

/** The request of each user pool trigger, by operation: the order-number round of the custom sign-in, a sign-up code. */
const cognitoRequests: Record<CognitoTriggerOperation, { triggerSource: string; request: Record<string, unknown> }> = {
  DefineAuthChallenge: { triggerSource: 'DefineAuthChallenge_Authentication', request: { session: [orderRound], userNotFound: false } },
  CreateAuthChallenge: {
    triggerSource: 'CreateAuthChallenge_Authentication',
    request: { challengeName: 'CUSTOM_CHALLENGE', session: [orderRound], userNotFound: false, clientMetadata: { locale: 'en' } },
  },
  VerifyAuthChallengeResponse: {
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: { privateChallengeParameters: { step: 'ORDER_NUMBER' }, challengeAnswer: 'JWT1016', userNotFound: false },
  },
  CustomMessage: {
    triggerSource: 'CustomMessage_SignUp',
    request: { codeParameter: '{####}', usernameParameter: null, clientMetadata: { locale: 'en' } },
  },
};
/** The staff pool's custom message: an admin's invitation to set a first password (staff do not sign up). */
const staffCustomMessage = {
  triggerSource: 'CustomMessage_ForgotPassword',
  request: { codeParameter: '{####}', usernameParameter: null, clientMetadata: { locale: 'en', purpose: STAFF_INVITATION_PURPOSE } },
};

/** Where the bench's received mail lies: the fake S3 (fake-aws.ts) answers every key under it with inboundReplyMail. */
export const BENCH_FILES_BUCKET = 'atrium-bench-files';

/**
 * The mail SES stored for the s3-inbound-mail worker: the demo customer answering her open ticket at its signed reply
 * address. Its Message-ID comes from the object key (fresh per invocation), so every invocation appends a new reply.
 */
export function inboundReplyMail(key: string, replyAddress: string): string {
  return [
    `From: Anna <${EMAIL}>`,
    `To: <${replyAddress}>`,
    'Subject: Re: New invoice address from March',
    `Message-ID: <${key.replace(/[^\w.-]/g, '-')}@nordwind.example>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The new address is Hafenstrasse 12, 20457 Hamburg, from the 1st of March.',
    '',
    'On Monday, Support wrote:',
    '> Could you send us the new address and the date from which it applies?',
    '',
  ].join('\r\n');
}

/** The S3 notification of one object SES stored under `inbound/` (one record per object, key URL-encoded). */
function s3InboundEvent() {
  const at = new Date().toISOString();
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-central-1',
        eventTime: at,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:bench' },
        requestParameters: { sourceIPAddress: '10.0.0.1' },
        responseElements: { 'x-amz-request-id': 'bench', 'x-amz-id-2': 'bench' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'inbound-mail',
          bucket: { name: BENCH_FILES_BUCKET, ownerIdentity: { principalId: 'bench' }, arn: `arn:aws:s3:::${BENCH_FILES_BUCKET}` },
          object: { key: 'inbound/bench-%UNIQUE%', size: 600, eTag: 'bench', sequencer: '0' },
        },
      },
    ],
  };
}

/** The event each worker's trigger delivers: one per trigger kind, so a worker of a new kind does not compile without one. */
function workerEvent(worker: Worker): unknown {
  const trigger = worker.trigger;
  switch (trigger.kind) {
    case 'mail-queue':
      return { Records: [sqsRecord(JSON.stringify({ to: EMAIL, subject: 'Bench', text: 'Body' }))] };
    case 'ses-feedback':
      return {
        id: 'bench',
        version: '0',
        account: '000000000000',
        time: new Date().toISOString(),
        region: 'eu-central-1',
        resources: [],
        source: 'aws.ses',
        'detail-type': 'Email Bounced',
        detail: {
          eventType: 'Bounce',
          mail: { timestamp: new Date().toISOString(), source: 'no-reply@atrium.example' },
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            bouncedRecipients: [{ emailAddress: 'gone-%UNIQUE%@example.com' }],
            timestamp: new Date().toISOString(),
          },
        },
      };
    case 'cognito': {
      const { triggerSource, request } =
        trigger.pool === 'staff' && trigger.operation === 'CustomMessage' ? staffCustomMessage : cognitoRequests[trigger.operation];
      return cognitoEvent(trigger.pool, triggerSource, request);
    }
    case 's3-inbound-mail':
      return s3InboundEvent();
    case 'schedule':
      // EventBridge Scheduler's LambdaInvoke target without an input (infra/stacks/api-stack.ts): the jobs read nothing of it.
      return {};
    default: {
      const unknown: never = trigger;
      throw new Error(`No bench event for the worker trigger ${JSON.stringify(unknown)}`);
    }
  }
}

/** The event each handler is invoked with, as JSON (placeholders still in). */
export function benchEvents(ids: DemoIds): Map<string, string> {
  const inputs = httpInputs(ids);
  const events = new Map<string, string>();
  for (const route of routes) events.set(route.handler, JSON.stringify(httpEvent(route, inputs[route.handler] ?? {}, ids)));
  for (const worker of workers) events.set(worker.handler, JSON.stringify(workerEvent(worker)));
  return events;
}

/** Stand-ins for the seeded ids: enough to see which handlers have an event before anything is built or seeded. */
const PLACEHOLDER_IDS: DemoIds = { licenceId: 'licence', orderId: 'order', subscriptionId: 'subscription', ticketNumber: 1 };

/** The handlers among `handlers` the bench has no event for (checked before the bench builds anything). */
export function handlersWithoutEvent(handlers: readonly string[]): string[] {
  const events = benchEvents(PLACEHOLDER_IDS);
  return handlers.filter((handler) => !events.has(handler));
}

/** The baseline's event: the demo account's id, as a path parameter. */
export const BASELINE_EVENT = JSON.stringify({ pathParameters: { id: 'demo-nordwind' } });
