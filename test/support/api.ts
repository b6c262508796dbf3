// Test helpers: the local API server on a free port, accounts with data, and the codes the local mailbox received.

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createLocalApi } from '#infra/local/api-server.ts';
import { LOCAL_CLIENT_IDS } from '#infra/local/runtime.ts';
import { putDemoAccount, putDemoStaffUser, type DemoAccount, type DemoPurchase } from '#infra/local/seed.ts';
import type { StaffGroup } from '#shared/accounts/groups.ts';
import { membershipItem } from '#shared/accounts/membership.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { resetConfigForTests } from '#shared/config.ts';
import { putLocalUser } from '#shared/identity/local.ts';
import { codeIn, mailsTo, type StoredMail } from './mailbox.ts';

export interface TestApi {
  url: string;
  stop(): Promise<void>;
}

/** Starts the local API Gateway emulation and points the local identity adapter's issuer at it. */
export async function startTestApi(): Promise<TestApi> {
  const options = { issuerBase: '', keysDir: inject('keysDir'), clientIds: LOCAL_CLIENT_IDS, trustForwardedFor: true };
  const server = createLocalApi(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options.issuerBase = `${url}/local-idp`;
  process.env.LOCAL_IDP_ISSUER_BASE = options.issuerBase;
  process.env.PORTAL_URL = url;
  resetConfigForTests();
  return {
    url,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

export function uniqueEmail(name: string): string {
  return `${name}.${randomUUID().slice(0, 8)}@example.test`;
}

/** A customer account with the given purchases, owned by a new user with a random e-mail. */
export async function createCustomer(purchases: DemoPurchase[], password = 'correct horse battery'): Promise<DemoAccount> {
  const id = randomUUID();
  const email = uniqueEmail('customer');
  const demo: DemoAccount = {
    account: {
      accountId: `acc-${id}`,
      name: `Customer ${id.slice(0, 6)}`,
      activationKey: id.slice(0, 9).toUpperCase(),
      contactEmail: email,
    },
    login: { email, password },
    userId: id,
    contact: { name: 'Test Person', email, country: 'PL', city: 'Kraków' },
    purchases,
  };
  await putDemoAccount(demo);
  return demo;
}

/** A staff user in these groups (with their staff user item, active, unless they are in none): their login. */
export async function createStaff(
  groups: string[] = ['admin'],
  password = 'staff password 1',
): Promise<{ email: string; password: string }> {
  const { email } = await createStaffUser(groups, password);
  return { email, password };
}

/** As createStaff, with the staff user's id too. */
export async function createStaffUser(
  groups: string[] = ['admin'],
  password = 'staff password 1',
): Promise<{ email: string; password: string; userId: string }> {
  const email = uniqueEmail('staff');
  if (groups.length === 0) return { email, password, userId: await putLocalUser({ pool: 'staff', email, password, groups }) };
  const userId = await putDemoStaffUser({ email, password, groups: groups as StaffGroup[], createdAt: new Date().toISOString() });
  return { email, password, userId };
}

/**
 * A new person with this role in an existing account (their user and membership, as an accepted invitation leaves
 * them), under a new random address unless given one: their login and id.
 */
export async function addMember(
  accountId: string,
  role: CustomerRole,
  { password = 'member password 1', email = uniqueEmail(role) }: { password?: string; email?: string } = {},
): Promise<{ email: string; password: string; userId: string }> {
  const userId = await putLocalUser({ pool: 'customer', email, password });
  const createdAt = new Date().toISOString();
  await db().send(new PutCommand({ TableName: tableName(), Item: membershipItem({ accountId, userId, email, role, createdAt }) }));
  return { email, password, userId };
}

export function purchases(count: number, startYear = 2020): DemoPurchase[] {
  return Array.from({ length: count }, (_, index) => ({
    reference: `T${randomUUID().slice(0, 6).toUpperCase()}${index}`,
    date: `${startYear + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`,
    product: 'Remote Access',
    edition: 'Enterprise',
    users: 5 + index,
    serial: `S-${index}`,
    unitPriceMinor: 10_000,
    ...(index % 2 === 0 ? { supportYears: 1 } : {}),
  }));
}

/** The newest e-mail the local SES server holds for this address. */
export async function latestMailTo(email: string): Promise<StoredMail | undefined> {
  return (await mailsTo(inject('mailUrl'), email)).at(-1);
}

export async function latestCodeFor(email: string): Promise<string> {
  const code = codeIn(await latestMailTo(email));
  if (!code) throw new Error(`No sign-in code was mailed to ${email}`);
  return code;
}

export async function call(
  api: TestApi,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; cookie?: string; sourceIp?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...options.headers,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      // A fresh source IP per call unless the test names one: unrelated tests must not share a per-IP lockout.
      'x-forwarded-for': options.sourceIp ?? randomIp(),
      ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.rawBody !== undefined ? { body: options.rawBody } : {}),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; each assertion states the shape it expects.
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

/** Password, then the mailed code: the access token of that pool. */
export async function signIn(api: TestApi, pool: 'customer' | 'staff', login: { email: string; password: string }): Promise<string> {
  const started = await call(api, 'POST', `/api/auth/${pool}/sign-in`, { body: { email: login.email, password: login.password } });
  if (started.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(started.body)}`);
  const code = await latestCodeFor(login.email);
  const verified = await call(api, 'POST', `/api/auth/${pool}/verify-code`, {
    body: { email: login.email, session: started.body.session, code },
  });
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  return verified.body.accessToken as string;
}
