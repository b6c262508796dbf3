// Support for the checks generated from the route table (test/integration/generated/): two seeded accounts with one of
// each entity, requests built from each route's contract, fast-check arbitraries from its schemas (valid and hostile),
// the answer checked against the contract, and the table read before and after.

import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Route } from '#functions/routes.ts';
import type { Schema } from '#shared/api/contract.ts';
import { hashActivationCode, newActivationCode } from '#shared/contracts/activation.ts';
import { assetItem } from '#shared/assets/model.ts';
import { accountContractItem, contractItem, contractNumberItem } from '#shared/contracts/contract.ts';
import { newId } from '#shared/ids.ts';
import { DEFAULT_TICKET_FIELDS } from '#shared/tickets/fields.ts';
import { findTicket, nextTicketNumber, ticketItem } from '#shared/tickets/model.ts';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { attachmentItem, attachmentObjectKey } from '#shared/tickets/attachments.ts';
import { cannedReplyItem } from '#shared/tickets/canned-replies.ts';
import { keys } from '#shared/db/keys.ts';
import { newsItem } from '#shared/home/news.ts';
import { articleItem } from '#shared/knowledge/model.ts';
import { localSigningKey, SIGNING_ALG } from '#shared/identity/local-keys.ts';
import * as z from '#shared/validation.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import {
  addMember,
  call,
  createCustomer,
  createStaff,
  createStaffUser,
  purchases,
  randomIp,
  signIn,
  startTestApi,
  type TestApi,
} from './api.ts';
import { ASSET_AUDITED_REQUESTS } from './asset-audited-requests.ts';
import { issueTestInvoice } from './invoices.ts';
import { putTestSubscription } from './subscriptions.ts';
import { CUSTOMER_AUDITED_REQUESTS } from './customer-audited-requests.ts';
import { DISTRIBUTOR_AUDITED_REQUESTS, putDistributorFixture } from './distributor-audited-requests.ts';

// ---------------------------------------------------------------------------------------------------------------------
// Two accounts, one of each entity

export interface Side {
  accountId: string;
  /** The account owner's user id (the caller on the own side). */
  userId: string;
  token: string;
  ids: {
    licenceId: string;
    orderId: string;
    subscriptionId: string;
    contractNumber: string;
    personId: string;
    invitationId: string;
    /** The support desk's (issue #13): an asset under a contract assigned to the account, and a ticket on it. */
    assetId: string;
    ticketNumber: string;
    /** A visible attachment of that ticket, its object in the local S3 bucket. */
    attachmentId: string;
    /** The contract assigned to the account (the asset's), as the customer's contract routes name it. */
    accountContractNumber: string;
    // -- sla --
    /** A canned reply (staff-wide; one per side so the audit suite may edit one and delete the other). */
    cannedReplyId: string;
    /** A second ticket of the account, which the audited merge merges into `ticketNumber`. */
    duplicateTicketNumber: string;
    // -- invoices --
    /** A VAT invoice of the account (test/support/invoices.ts). */
    invoiceId: string;
    // -- cancellations --
    /** A service paid by its own VAT invoice, which the audited staff cancel ends with a refund (once per suite). */
    cancellableSubscriptionId: string;
  };
}

export interface Fixture {
  /** The caller: signed in as the owner of the first account. */
  own: Side;
  /** The second account, whose ids the isolation matrix tries. */
  other: Side;
  staffTokens: { admin: string; support: string; billing: string; none: string };
  /** People of the first account in each role but owner (the owner's token is `own.token`). */
  roleTokens: Record<Exclude<CustomerRole, 'owner'>, string>;
  /** A staff user (support) whom the audited staff user routes change: none of the tokens above is theirs. */
  staffUserId: string;
}

/** A support contract waiting to be claimed, as staff create it (its code is not needed by the generated checks). */
async function putUnclaimedContract(): Promise<string> {
  const contractNumber = `CTR-${randomUUID().slice(0, 8).toUpperCase()}`;
  const createdAt = new Date().toISOString();
  const { client, name } = table();
  const contract = contractItem({
    contractNumber,
    product: 'Remote Access Support',
    sla: 'standard',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    activationCodeHash: hashActivationCode(newActivationCode()),
    codeIssuedAt: createdAt,
    createdAt,
  });
  await client.send(
    new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: name, Item: contract } }, { Put: { TableName: name, Item: contractNumberItem(contractNumber) } }],
    }),
  );
  return contractNumber;
}

async function seedSide(api: TestApi, computerId: string): Promise<Side> {
  // purchases(1) is one order with one licence and one year of support.
  const customer = await createCustomer(purchases(1));
  const token = await signIn(api, 'customer', customer.login);
  const [licences, support, orders] = await Promise.all(
    ['/api/licences', '/api/support', '/api/orders'].map((path) => call(api, 'GET', path, { token })),
  );
  // A pending invitation of the account (the owner invites someone), for the invitation routes.
  const invited = await call(api, 'POST', '/api/me/people/invitations', {
    token,
    body: { email: `invited.${randomUUID().slice(0, 8)}@example.test`, role: 'read-only' },
  });
  expect(invited.status).toBe(201);
  const ids = {
    // The account's owner: an owner changing or removing them meets the last-owner rule, so nothing changes.
    personId: customer.userId,
    invitationId: invited.body.invitationId as string,
    licenceId: licences!.body.items[0].licenceId as string,
    subscriptionId: support!.body.items[0].subscriptionId as string,
    orderId: orders!.body.items[0].orderId as string,
    contractNumber: await putUnclaimedContract(),
  };
  // Activated, so a transfer or deactivation that reached the wrong account would change something.
  const activated = await call(api, 'POST', '/api/licensing/activate', {
    body: { activationKey: customer.account.activationKey, computerId, licenceId: ids.licenceId },
  });
  expect(activated.status).toBe(200);
  await submitCompanyProfile(api, customer.account.accountId, token);
  const desk = await putSupportDeskFixture(customer.account.accountId, customer.userId, customer.login.email);
  const sla = await putSlaFixture(customer.account.accountId, customer.userId, customer.login.email);
  const invoice = await issueTestInvoice(customer.account.accountId);
  // -- services --: the renewable Subscription of the support term (the same id, as a licence bought with support has).
  await putTestSubscription(customer.account.accountId, { subscriptionId: ids.subscriptionId });
  // -- cancellations --
  const cancellable = await putTestSubscription(customer.account.accountId, { withInvoice: true });
  return {
    accountId: customer.account.accountId,
    userId: customer.userId,
    token,
    ids: { ...ids, ...desk, ...sla, invoiceId: invoice.invoiceId, cancellableSubscriptionId: cancellable.subscriptionId },
  };
}

/**
 * The support desk's side of an account, written as its entities (the routes that create them are under test
 * themselves): a contract staff assigned to the account, running a year, one asset under it, and one technical ticket
 * on that asset opened by the owner, with a log file attached (its object in the local S3 bucket).
 */
async function putSupportDeskFixture(
  accountId: string,
  userId: string,
  email: string,
): Promise<{ assetId: string; ticketNumber: string; attachmentId: string; accountContractNumber: string }> {
  const contractNumber = `CTR-DESK-${randomUUID().slice(0, 8).toUpperCase()}`;
  const now = new Date();
  const at = now.toISOString();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const contract = {
    contractNumber,
    product: 'Remote Access Support Premium',
    sla: 'priority' as const,
    startsOn: day(-30),
    endsOn: day(335),
  };
  const assetId = newId(now);
  const ticketNumber = await nextTicketNumber();
  const attachmentId = newId(now);
  const logFile = Buffer.from('2026-11-29 09:00:01 session dropped\n');
  await s3().send(
    new PutObjectCommand({
      Bucket: filesBucket(),
      Key: attachmentObjectKey(ticketNumber, attachmentId),
      Body: logFile,
      ContentType: 'text/plain',
    }),
  );
  const { client, name } = table();
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: name, Item: contractItem({ ...contract, accountId, claimedAt: at, createdAt: at, createdBy: 'fixture' }) } },
        { Put: { TableName: name, Item: contractNumberItem(contractNumber) } },
        { Put: { TableName: name, Item: accountContractItem(accountId, { ...contract, claimedAt: at, assetCount: 1 }) } },
        {
          Put: {
            TableName: name,
            Item: assetItem({
              assetId,
              accountId,
              contractNumber,
              category: 'server',
              name: 'Gateway server',
              vendor: 'Dell',
              model: 'PowerEdge R650',
              serialNumber: `SN-${assetId.slice(-8)}`,
              createdAt: at,
              updatedAt: at,
            }),
          },
        },
        {
          Put: {
            TableName: name,
            Item: ticketItem({
              ticketNumber,
              accountId,
              accountName: 'Fixture account',
              kind: 'technical',
              subject: 'The gateway drops sessions',
              description: 'Since **Monday** sessions end after a minute.',
              priority: 'normal',
              status: 'new',
              assetId,
              assetLabel: 'Gateway server',
              contractNumber,
              requester: { userId, email },
              createdAt: at,
              updatedAt: at,
              messageCount: 0,
            }),
          },
        },
        {
          Put: {
            TableName: name,
            Item: attachmentItem({
              attachmentId,
              ticketNumber,
              accountId,
              fileName: 'gateway.log',
              contentType: 'text/plain',
              size: logFile.length,
              status: 'visible',
              uploadedBy: { kind: 'customer', userId, email },
              createdAt: at,
              completedAt: at,
            }),
          },
        },
      ],
    }),
  );
  return { assetId, ticketNumber: String(ticketNumber), attachmentId, accountContractNumber: contractNumber };
}

/** The sla area's side of an account: a canned reply (counted, as the routes count them) and a second ticket. */
async function putSlaFixture(
  accountId: string,
  userId: string,
  email: string,
): Promise<{ cannedReplyId: string; duplicateTicketNumber: string }> {
  const at = new Date().toISOString();
  const cannedReplyId = newId();
  const ticketNumber = await nextTicketNumber();
  const { client, name } = table();
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: name,
            Item: cannedReplyItem({
              cannedReplyId,
              title: 'Fixture reply',
              body: 'Thank you for writing.',
              locale: 'en',
              createdAt: at,
              updatedAt: at,
            }),
          },
        },
        {
          Update: {
            TableName: name,
            Key: keys.cannedReplyCount(),
            UpdateExpression: 'ADD #count :one',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        {
          Put: {
            TableName: name,
            Item: ticketItem({
              ticketNumber,
              accountId,
              accountName: 'Fixture account',
              kind: 'administrative',
              relation: 'billing',
              subject: 'The same question again',
              description: 'Asked twice by mistake.',
              priority: 'low',
              status: 'new',
              requester: { userId, email },
              createdAt: at,
              updatedAt: at,
              messageCount: 0,
            }),
          },
        },
      ],
    }),
  );
  return { cannedReplyId, duplicateTicketNumber: String(ticketNumber) };
}

/** A news item every suite finds (news is the vendor's, not an account's): the staff news routes edit and publish it. */
export const NEWS_FIXTURE_ID = '01JD3Q8W5M2K7Z9XG4R6T1V0BN';

async function putNewsFixture(): Promise<void> {
  const news = {
    newsId: NEWS_FIXTURE_ID,
    date: '2026-01-15',
    published: false,
    translations: { en: { title: 'Fixture news', body: 'For the generated checks.' } },
    updatedAt: new Date().toISOString(),
  };
  const { client, name } = table();
  await client.send(new PutCommand({ TableName: name, Item: newsItem(news) }));
}

/** A published knowledge-base article every suite finds (articles are the vendor's, not an account's). */
export const ARTICLE_FIXTURE_ID = '01JD3Q8W5M2K7Z9XG4R6T1V0KB';

async function putArticleFixture(): Promise<void> {
  const at = new Date().toISOString();
  const article = {
    articleId: ARTICLE_FIXTURE_ID,
    slug: 'fixture-article',
    category: 'troubleshooting' as const,
    productIds: ['remote-access'],
    status: 'published' as const,
    translations: { en: { title: 'Fixture article', summary: 'For the generated checks.', body: 'Written for the generated checks.' } },
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  };
  const { client, name } = table();
  await client.send(new PutCommand({ TableName: name, Item: articleItem(article) }));
}

/** The fixture article's current version (an edit names the version it replaces). */
export async function articleFixtureUpdatedAt(): Promise<string> {
  const { client, name } = table();
  const read = await client.send(new GetCommand({ TableName: name, Key: keys.kbArticle(ARTICLE_FIXTURE_ID), ConsistentRead: true }));
  return String(read.Item?.updatedAt);
}

/** The fixture news item's current version (an edit names the version it replaces). */
export async function newsFixtureUpdatedAt(): Promise<string> {
  const { client, name } = table();
  const read = await client.send(new GetCommand({ TableName: name, Key: keys.news(NEWS_FIXTURE_ID), ConsistentRead: true }));
  return String(read.Item?.updatedAt);
}

/** A Polish account's company data awaiting staff verification, for the verification queue's routes. */
async function submitCompanyProfile(api: TestApi, accountId: string, token: string): Promise<void> {
  const { client, name } = table();
  await client.send(
    new UpdateCommand({
      TableName: name,
      Key: { PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' },
      UpdateExpression: 'SET country = :country',
      ExpressionAttributeValues: { ':country': 'PL' },
    }),
  );
  const submitted = await call(api, 'PUT', '/api/me/profile/account', {
    token,
    body: {
      profileType: 'company',
      companyName: 'Fixture Sp. z o.o.',
      vatId: 'PL5213456789',
      registeredAddress: { line1: 'ul. Testowa 1', postalCode: '00-001', city: 'Warszawa' },
    },
  });
  expect(submitted.status).toBe(200);
}

export async function seedTwoAccounts(api: TestApi): Promise<Fixture> {
  await putNewsFixture();
  await putArticleFixture();
  const own = await seedSide(api, 'OWN-PC-1');
  const other = await seedSide(api, 'OTHER-PC-1');
  // -- distributors (issue #15): the own account resells, with one client of its own --
  await putDistributorFixture(own.accountId);
  const staffToken = async (groups: string[]) => signIn(api, 'staff', await createStaff(groups));
  const [admin, support, billing, none] = await Promise.all([
    staffToken(['admin']),
    staffToken(['support']),
    staffToken(['billing']),
    staffToken([]),
  ]);
  const { userId: staffUserId } = await createStaffUser(['support']);
  const roleToken = async (role: CustomerRole) => signIn(api, 'customer', await addMember(own.accountId, role));
  const [billingRole, technical, readOnly] = await Promise.all([roleToken('billing'), roleToken('technical'), roleToken('read-only')]);
  const roleTokens = { billing: billingRole, technical, 'read-only': readOnly };
  return { own, other, staffTokens: { admin, support, billing, none }, roleTokens, staffUserId };
}

/** The local API and the two seeded accounts a generated suite runs against. */
export interface SeededApi {
  readonly api: TestApi;
  readonly fixture: Fixture;
}

/**
 * The setup every generated suite shares: the local API started and the two accounts seeded before the suite's tests,
 * the API stopped after them. Read `api` and `fixture` inside tests (they exist once `beforeAll` has run).
 */
export function seededApi(): SeededApi {
  let api: TestApi | undefined;
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    api = await startTestApi();
    fixture = await seedTwoAccounts(api);
  });
  afterAll(() => api?.stop());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The seeded API is read before the suite set it up (read it inside a test)');
    return value;
  };
  return {
    get api() {
      return ready(api);
    },
    get fixture() {
      return ready(fixture);
    },
  };
}

/**
 * How to fill each path parameter: from the caller's own side, or from the other account's. A route whose parameter is
 * not here fails the generated suites, so a new route cannot slip past the isolation matrix.
 */
export const PATH_PARAMETERS: Record<string, (side: Side) => string> = {
  licenceId: (side) => side.ids.licenceId,
  orderId: (side) => side.ids.orderId,
  subscriptionId: (side) => side.ids.subscriptionId,
  accountId: (side) => side.accountId,
  contractNumber: (side) => side.ids.contractNumber,
  pool: () => 'customer',
  // The catalogue is the vendor's, not an account's: both sides name the seed's entries.
  sku: () => 'RA-ENT-5-S1Y',
  productId: () => 'remote-access',
  editionId: () => 'enterprise',
  fromEditionId: () => 'desktop',
  toEditionId: () => 'mobile-web',
  newsId: () => NEWS_FIXTURE_ID,
  // A staff user nobody has: the generated checks must not disable or sign out the fixture's own staff users.
  userId: () => '00000000-0000-4000-8000-000000000000',
  personId: (side) => side.ids.personId,
  invitationId: (side) => side.ids.invitationId,
  assetId: (side) => side.ids.assetId,
  ticketNumber: (side) => side.ids.ticketNumber,
  attachmentId: (side) => side.ids.attachmentId,
  accountContractNumber: (side) => side.ids.accountContractNumber,
  // -- sla --
  cannedReplyId: (side) => side.ids.cannedReplyId,
  articleId: () => ARTICLE_FIXTURE_ID,
  // -- invoices --
  invoiceId: (side) => side.ids.invoiceId,
};

export function pathParameterNames(route: Route): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

export function pathFor(route: Route, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for path parameter ${name} of ${route.method} ${route.path}`);
    return values[name]!;
  });
}

export function pathFrom(route: Route, side: Side): string {
  return pathFor(
    route,
    Object.fromEntries(
      pathParameterNames(route).map((name) => {
        const fill = PATH_PARAMETERS[name];
        if (!fill) throw new Error(`PATH_PARAMETERS has no entry for {${name}} (${route.method} ${route.path}): add one`);
        return [name, encodeURIComponent(fill(side))];
      }),
    ),
  );
}

/** A token of the route's pool (an admin for staff routes), or none for public routes. */
export function tokenFor(route: Route, fixture: Fixture): string | undefined {
  if (route.access === 'customer') return fixture.own.token;
  if (route.access === 'staff') return fixture.staffTokens.admin;
  return undefined;
}

/** The same access token, re-signed by the same key with an expiry in the past: only its age is wrong. */
export async function expiredCopy(token: string, pool: 'customer' | 'staff'): Promise<string> {
  const { key, kid } = await localSigningKey(inject('keysDir'), pool);
  const { iat: _iat, exp: _exp, ...claims } = decodeJwt(token);
  const past = Math.floor(Date.now() / 1000) - 3600;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid })
    .setIssuedAt(past - 600)
    .setExpirationTime(past)
    .sign(key);
}

// ---------------------------------------------------------------------------------------------------------------------
// Requests and answers

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function send(
  api: TestApi,
  method: string,
  path: string,
  options: { token?: string; body?: string; contentType?: string; sourceIp?: string } = {},
): Promise<RawResponse> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      'x-forwarded-for': options.sourceIp ?? randomIp(),
      ...(options.body !== undefined ? { 'content-type': options.contentType ?? 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().check(z.minLength(1)),
    message: z.string().check(z.minLength(1)),
    details: z.optional(z.unknown()),
    requestId: z.string(),
  }),
});

function jsonOf(response: RawResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    return response.text;
  }
}

/** The stable error body of every refusal made by Atrium's handlers. */
export function expectErrorBody(response: RawResponse, what: string): void {
  const result = errorBody.safeParse(jsonOf(response));
  expect(result.success, `${what}: ${response.status} ${response.text.slice(0, 300)}`).toBe(true);
}

/**
 * Checks an answer against the route's contract: never a 5xx; a refusal carries the error body; a success has one of the
 * declared statuses and a body the response schema accepts (or is the declared file download, or empty).
 */
export function expectContractAnswer(route: Route, response: RawResponse, what: string): void {
  expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    expectErrorBody(response, what);
    return;
  }
  const { response: spec } = route.contract;
  expect(spec.status, what).toContain(response.status);
  if (spec.kind === 'json') {
    const result = spec.body.safeParse(jsonOf(response));
    expect(result.success ? [] : result.error.issues, `${what}: the 2xx body does not match the contract`).toEqual([]);
  } else if (spec.kind === 'file') {
    expect(response.headers.get('content-disposition'), what).toMatch(/^attachment; filename="/);
    expect(response.headers.get('content-type'), what).toBe(spec.contentType);
  } else {
    expect(response.text, what).toBe('');
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Arbitraries from the contract's schemas

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
};

function jsonSchemaOf(schema: Schema): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as JsonSchema;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  // fc.emailAddress() is wider than zod's e-mail check (most of its values are refused): build plain addresses.
  if (schema.format === 'email') {
    return fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,20}[a-z0-9]$/), fc.constantFrom('example.test', 'example.com', 'poczta.pl'))
      .map(([local, domain]) => `${local}@${domain}`);
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    // fast-check cannot build from look-aheads: build from the rest and keep what the full pattern accepts.
    const buildable = new RegExp(schema.pattern.replace(/\(\?[=!][^)]*\)/g, ''));
    return fc.stringMatching(buildable).filter((value) => pattern.test(value) && value.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** Values the schema accepts (mostly: zod has the last word, so `valid` mode filters through it). */
function fromSchema(schema: JsonSchema, hostile: boolean): fc.Arbitrary<unknown> {
  const plain = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((alternative) => fromSchema(alternative, hostile)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return stringArbitrary(schema);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(fromSchema(schema.items ?? {}, hostile), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case 'object': {
        const properties = schema.properties ?? {};
        const record = fc.record(
          Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, fromSchema(property, hostile)])),
          { requiredKeys: (schema.required ?? []).filter((name) => name in properties) },
        );
        if (!hostile) return record;
        // An unknown key now and then: strict schemas must refuse it.
        return fc
          .tuple(record, fc.option(fc.constantFrom('admin', '__proto__x', 'PK', 'accountId'), { freq: 4 }), hostileValue)
          .map(([value, extra, extraValue]) => (extra ? { ...(value as object), [extra]: extraValue } : value));
      }
      default:
        return fc.jsonValue();
    }
  })();
  return hostile ? fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: hostileValue, weight: 1 }) : plain;
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

/** Values no field should choke on: wrong types, control characters, lone surrogates, huge and deeply nested input. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDC00y',
    '%00',
    '%2e%2e%2f',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, sent as the literal text.
    '${jndi:ldap://x}',
    '𝒜'.repeat(300),
    'x'.repeat(5000),
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    [],
    {},
    { $gt: '' },
    deeplyNested(2000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Segments a path parameter should survive: percent-encoded NUL, slashes, lone surrogates, overlong UTF-8, huge ids. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    '%2F',
    '%252F',
    '%2e%2e%2fx',
    '%ED%A0%80',
    '%C0%AF',
    '%FF',
    '%',
    '%zz',
    'A'.repeat(2000),
    '01JD3Q8W5M2K7Z9XG4R6T1V0BN%00',
    '01JD3Q8W5M2K7Z9XG4R6T1V0B%C5%81',
    '%F0%9F%92%A9',
  ),
  // A URL cannot carry a lone surrogate (encodeURIComponent throws): those go as U+FFFD, as a browser would send them.
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 30 })
    .map((value) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
);

export function validArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  return fromSchema(jsonSchemaOf(schema), false).filter((value) => schema.safeParse(value).success);
}

export function hostileArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  return fromSchema(jsonSchemaOf(schema), true);
}

const samples = new Map<Schema, unknown>();

/** One input the schema accepts, the same on every run. */
export function validSample(schema: Schema): unknown {
  if (!samples.has(schema)) samples.set(schema, fc.sample(validArbitrary(schema), { seed: 42, numRuns: 1 })[0]);
  return samples.get(schema);
}

// ---------------------------------------------------------------------------------------------------------------------
// The table, before and after

let documentClient: DynamoDBDocumentClient | undefined;
function table() {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION ?? 'eu-central-1' }),
  );
  return { client: documentClient, name: process.env.TABLE_NAME! };
}

const keyOf = (item: Record<string, unknown>) => `${String(item.PK)} | ${String(item.SK)}`;

/** Every item of one account's partition (its account, members, licences, events, support, orders), by key. */
export async function accountItems(accountId: string): Promise<Record<string, unknown>> {
  const { client, name } = table();
  const items: Record<string, unknown> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `ACCOUNT#${accountId}` },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) items[keyOf(item)] = item;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The whole test table by key (tests only: the file's own small table), leaving out the attempt counters a refused
 * request may rightly write: lockout and rate-limit windows, and the local identity's challenge attempt counts (sign-in
 * challenges, and the code of a change of e-mail: a wrong code counts a try).
 */
export async function tableSnapshot(): Promise<Record<string, unknown>> {
  const { client, name } = table();
  const items: Record<string, unknown> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: name, ConsistentRead: true, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    for (const item of page.Items ?? []) {
      if (/^(LOCKOUT#|RATE#|IDP#CHALLENGE#)/.test(String(item.PK)) || item.SK === 'CODE#email-change') continue;
      items[keyOf(item)] = item;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

// ---------------------------------------------------------------------------------------------------------------------
// Audited staff writes

/** A request an audited route accepts against the seeded fixture (path parameters by name, and the body). */
export interface AuditedRequest {
  path: Record<string, string>;
  body?: unknown;
}

/**
 * For each audited route (`METHOD path`), how to build one request that succeeds against the two seeded accounts. The
 * generated audit suite fails for an audited route without an entry here, so a new staff write cannot skip its check.
 * A builder may first prepare what its action needs (e.g. activate a licence before freeing it) through the API.
 */
export const AUDITED_REQUESTS: Record<string, (suite: SeededApi) => Promise<AuditedRequest> | AuditedRequest> = {
  // -- services --
  'PUT /api/admin/customers/{accountId}/subscriptions/{subscriptionId}/identifier': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, subscriptionId: fixture.own.ids.subscriptionId },
    body: { kind: 'ip', value: '198.51.100.7', reason: 'The server moved to a new address.' },
  }),
  'POST /api/admin/orders': () => ({
    path: {},
    body: {
      email: `audited.${randomUUID().slice(0, 8)}@example.test`,
      contact: { name: 'Jan Kowalski', country: 'PL', city: 'Poznań' },
      lines: [{ sku: 'RA-ENT-10-S1Y', quantity: 1 }],
      idempotencyKey: randomUUID(),
    },
  }),
  'POST /api/admin/contracts': () => ({
    path: {},
    body: {
      contractNumber: `CTR-AUDIT-${randomUUID().slice(0, 8).toUpperCase()}`,
      product: 'Remote Access Support',
      sla: 'standard',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
  }),
  // The seeded contract is unclaimed, so its code can be regenerated as often as the suites like.
  'POST /api/admin/contracts/{contractNumber}/activation-code': ({ fixture }) => ({
    path: { contractNumber: fixture.own.ids.contractNumber },
    body: { reason: 'The customer lost the support certificate.' },
  }),
  'PATCH /api/admin/contracts/{contractNumber}': ({ fixture }) => ({
    path: { contractNumber: fixture.own.ids.contractNumber },
    body: { sla: 'priority', endsOn: '2027-12-31', reason: 'Upgraded at renewal.' },
  }),
  // The catalogue (seeded in every test table from shared/catalogue/products.ts). Each builder runs twice (the injected
  // fault, then the real write) and prepares nothing, so each names seeded entries or fresh ids.
  'POST /api/admin/catalogue/products': () => ({ path: {}, body: { productId: `audited-${randomUUID().slice(0, 8)}`, name: 'Audited' } }),
  'PATCH /api/admin/catalogue/products/{productId}': () => ({
    path: { productId: 'remote-access' },
    body: { name: 'Remote Access', reason: 'Checking the audit trail.' },
  }),
  'POST /api/admin/catalogue/products/{productId}/editions': () => ({
    path: { productId: 'remote-access' },
    body: { editionId: `audited-${randomUUID().slice(0, 8)}`, name: 'Audited' },
  }),
  'PATCH /api/admin/catalogue/products/{productId}/editions/{editionId}': () => ({
    path: { productId: 'remote-access', editionId: 'enterprise' },
    body: { name: 'Enterprise', status: 'active' },
  }),
  'POST /api/admin/catalogue/skus': () => ({
    path: {},
    body: {
      sku: `AUDITED-${randomUUID().slice(0, 8).toUpperCase()}`,
      productId: 'remote-access',
      editionId: 'enterprise',
      users: 5,
      supportYears: 1,
      prices: [{ amountMinor: 99_000, currency: 'EUR' }],
    },
  }),
  'PATCH /api/admin/catalogue/skus/{sku}': () => ({ path: { sku: 'RA-ENT-5-S1Y' }, body: { status: 'active', reason: 'Still sold.' } }),
  'POST /api/admin/catalogue/skus/{sku}/prices': () => ({
    path: { sku: 'RA-ENT-5-S1Y' },
    // A new amount each time: the current one again is refused (409 PRICE_UNCHANGED).
    body: { amountMinor: 300_000 + Math.floor(Math.random() * 100_000), currency: 'PLN', reason: 'Price list 2027.' },
  }),
  'POST /api/admin/catalogue/products/{productId}/upgrades': () => ({
    path: { productId: 'remote-access' },
    body: { fromEditionId: 'enterprise', toEditionId: 'desktop', prices: [{ amountMinor: 0, currency: 'EUR' }] },
  }),
  'DELETE /api/admin/catalogue/products/{productId}/upgrades/{fromEditionId}/{toEditionId}': () => ({
    path: { productId: 'remote-access', fromEditionId: 'desktop', toEditionId: 'mobile-web' },
  }),
  'POST /api/admin/imports': () => {
    const tag = randomUUID().slice(0, 8);
    return {
      path: {},
      body: {
        fileName: 'audited.csv',
        csv: [
          'record,account_id,name,email,role,product,edition,users,serial,purchased_on,support_years',
          `account,AUD-${tag},Audited Import Ltd,office@aud-${tag}.example,,,,,,,`,
          `user,AUD-${tag},,owner@aud-${tag}.example,owner,,,,,,`,
          `licence,AUD-${tag},,,,Remote Access,Enterprise,5,AUD-${tag},2024-01-01,1`,
        ].join('\n'),
      },
    };
  },
  'POST /api/admin/customers/{accountId}/view-as': ({ fixture }) => ({
    path: { accountId: fixture.other.accountId },
    body: { reason: 'The customer asked on the phone why a licence is missing.' },
  }),
  // Staff users: each changes the fixture's own support user, never a user whose token the suites use.
  'POST /api/admin/staff': () => ({
    path: {},
    body: { email: `audited.staff.${randomUUID().slice(0, 8)}@example.test`, groups: ['support'], locale: 'pl' },
  }),
  'PUT /api/admin/staff/{userId}/groups': ({ fixture }) => ({ path: { userId: fixture.staffUserId }, body: { groups: ['billing'] } }),
  'POST /api/admin/staff/{userId}/disable': ({ fixture }) => ({ path: { userId: fixture.staffUserId } }),
  'POST /api/admin/staff/{userId}/enable': ({ fixture }) => ({ path: { userId: fixture.staffUserId } }),
  'POST /api/admin/staff/{userId}/sign-out': ({ fixture }) => ({ path: { userId: fixture.staffUserId } }),
  // News and the banner (the home page): the fixture's news item, read for its version but never prepared through a write.
  'POST /api/admin/news': () => ({
    path: {},
    body: { date: '2026-02-01', translations: { en: { title: 'Audited news', body: 'Written by the audit suite.' } } },
  }),
  'PUT /api/admin/news/{newsId}': async () => ({
    path: { newsId: NEWS_FIXTURE_ID },
    body: {
      date: '2026-01-16',
      translations: { en: { title: `Fixture news ${randomUUID().slice(0, 6)}`, body: 'Edited.' } },
      updatedAt: await newsFixtureUpdatedAt(),
    },
  }),
  'POST /api/admin/news/{newsId}/publish': () => ({ path: { newsId: NEWS_FIXTURE_ID }, body: { published: false } }),
  // The knowledge base: the fixture's published article, edited and published again (it stays published).
  'POST /api/admin/knowledge': () => ({
    path: {},
    body: {
      category: 'licensing',
      productIds: [],
      translations: { en: { title: 'Audited article', summary: 'Audit.', body: 'Written by the audit suite.' } },
    },
  }),
  'PUT /api/admin/knowledge/{articleId}': async () => ({
    path: { articleId: ARTICLE_FIXTURE_ID },
    body: {
      category: 'troubleshooting',
      productIds: ['remote-access'],
      translations: {
        en: { title: `Fixture article ${randomUUID().slice(0, 6)}`, summary: 'Edited.', body: 'Edited by the audit suite.' },
      },
      updatedAt: await articleFixtureUpdatedAt(),
    },
  }),
  'POST /api/admin/knowledge/{articleId}/publish': () => ({ path: { articleId: ARTICLE_FIXTURE_ID }, body: { published: true } }),
  'PUT /api/admin/banner': () => ({ path: {}, body: { enabled: false, texts: { en: `Audited banner ${randomUUID().slice(0, 6)}` } } }),
  // -- staff-tickets -- (the fixture's own ticket; a status the ticket does not have yet, read first: the same one is a 409)
  'PUT /api/admin/tickets/{ticketNumber}/assignee': ({ fixture }) => ({
    path: { ticketNumber: fixture.own.ids.ticketNumber },
    body: { assignee: 'me' },
  }),
  'POST /api/admin/tickets/{ticketNumber}/notes': ({ fixture }) => ({
    path: { ticketNumber: fixture.own.ids.ticketNumber },
    body: { body: 'Audited internal note.' },
  }),
  'POST /api/admin/tickets/{ticketNumber}/replies': ({ fixture }) => ({
    path: { ticketNumber: fixture.own.ids.ticketNumber },
    body: { body: 'Audited public reply.', status: 'open' },
  }),
  'PUT /api/admin/tickets/{ticketNumber}/status': async ({ fixture }) => {
    const ticket = await findTicket(Number(fixture.own.ids.ticketNumber));
    return {
      path: { ticketNumber: fixture.own.ids.ticketNumber },
      body: { status: ticket?.status === 'waiting-for-vendor' ? 'open' : 'waiting-for-vendor' },
    };
  },
  // -- sla --
  // Canned replies: one side's is edited, the other's deleted (the suite runs each builder twice, the fault first).
  'POST /api/admin/canned-replies': () => ({
    path: {},
    body: { title: 'Audited reply', body: 'Written by the audit suite.', locale: 'pl' },
  }),
  'PUT /api/admin/canned-replies/{cannedReplyId}': ({ fixture }) => ({
    path: { cannedReplyId: fixture.other.ids.cannedReplyId },
    body: { title: `Edited ${randomUUID().slice(0, 6)}`, body: 'Edited by the audit suite.', locale: 'en' },
  }),
  'DELETE /api/admin/canned-replies/{cannedReplyId}': ({ fixture }) => ({ path: { cannedReplyId: fixture.own.ids.cannedReplyId } }),
  // The account's second ticket is merged into its first; the first stays open (it gains a note).
  'POST /api/admin/tickets/{ticketNumber}/merge': ({ fixture }) => ({
    path: { ticketNumber: fixture.own.ids.duplicateTicketNumber },
    body: { intoTicketNumber: Number(fixture.own.ids.ticketNumber), reason: 'Asked twice.' },
  }),
  // A priority the ticket does not have (read first): the same one changes nothing, and nothing is audited.
  'PATCH /api/admin/tickets/{ticketNumber}': async ({ fixture }) => {
    const ticket = await findTicket(Number(fixture.own.ids.ticketNumber));
    return {
      path: { ticketNumber: fixture.own.ids.ticketNumber },
      body: { priority: ticket?.priority === 'high' ? 'low' : 'high', reason: 'Triage.' },
    };
  },
  // The customer page's staff actions (licences, support, orders).
  // -- tickets --
  'PUT /api/admin/ticket-fields/{productId}': () => ({
    path: { productId: 'remote-access' },
    body: { fields: DEFAULT_TICKET_FIELDS, reason: 'Checking the audit trail.' },
  }),
  // -- payments -- A bank payment for the fixture's order (placed by staff: no longer payable), so it is credited to the
  // balance; a fresh bank reference each time (the same one twice is a 409).
  'POST /api/admin/payments': async ({ fixture }) => {
    const { client, name } = table();
    const order = await client.send(new GetCommand({ TableName: name, Key: keys.order(fixture.own.accountId, fixture.own.ids.orderId) }));
    return {
      path: {},
      body: {
        reference: String(order.Item?.reference),
        amountMinor: 1_000,
        currency: String((order.Item?.total as { currency?: string } | undefined)?.currency ?? 'EUR'),
        receivedOn: '2026-11-30',
        bankReference: `AUDIT-${randomUUID()}`,
      },
    };
  },
  ...CUSTOMER_AUDITED_REQUESTS,
  // Contracts and assets (issue #13).
  ...ASSET_AUDITED_REQUESTS,
  // Distributors and their clients (issue #15).
  ...DISTRIBUTOR_AUDITED_REQUESTS,
  // -- balance (issue #14) --
  'POST /api/admin/accounts/{accountId}/balance-adjustments': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId },
    body: { amountMinor: 500, currency: 'EUR', memo: 'Goodwill', idempotencyKey: randomUUID(), reason: 'Checking the audit trail.' },
  }),
  // The own account's staff order (paid when written), refunded in part: the other suites never read its balance.
  'POST /api/admin/orders/{orderId}/refunds': ({ fixture }) => ({
    path: { orderId: fixture.own.ids.orderId },
    body: { accountId: fixture.own.accountId, amountMinor: 100, reason: 'Checking the audit trail.' },
  }),
  // -- cancellations (issue #15) --
  // The fixture's service paid by its own invoice: ended with its refund (the fault check before leaves it as it was).
  'POST /api/admin/customers/{accountId}/subscriptions/{subscriptionId}/cancel': ({ fixture }) => ({
    path: { accountId: fixture.own.accountId, subscriptionId: fixture.own.ids.cancellableSubscriptionId },
    body: { refund: true, reason: 'Checking the audit trail.' },
  }),
};

/** Every audit entry in a partition (by default AUDIT, where every entry is), oldest first. */
export async function auditEntries(partition = 'AUDIT'): Promise<Record<string, unknown>[]> {
  const { client, name } = table();
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': partition, ':prefix': 'AUDIT#' },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
