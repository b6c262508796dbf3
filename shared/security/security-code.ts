// The one-time security code for phone support: the person sets it (with their password), it is stored only as a
// scrypt hash and never shown again; staff check a code read to them on the phone and learn only "match" or not.
//
// The security code entity (one item per person, `USER#<sub>`/`SECURITYCODE`) lives here, in its section below: this
// module is the only one that reads or writes it.

import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { membershipFromItem, membershipKey } from '#shared/accounts/membership.ts';
import type { AuditCommit } from '#shared/accounts/audited.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, NotFoundError } from '#shared/http/errors.ts';
import { identity } from '#shared/identity/index.ts';
import { hashPassword, verifyPassword } from '#shared/identity/password.ts';
import { logger } from '#shared/observability/logger.ts';
import { consumeRateLimit, releaseRateLimit, type RateLimit } from '#shared/rate-limit.ts';
import { sendSecurityNotice } from '#shared/security/notices.ts';
import { nowIso } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** Five wrong codes per person per hour, then 429 until the hour ends (a right code does not count). */
export const SECURITY_CODE_TRIES: RateLimit = { name: 'security-code-verify', max: 5, windowSeconds: 3600 };

// --- The security code entity ---------------------------------------------------------------------------------------

export interface SecurityCode {
  userId: string;
  /**
   * scrypt with a random salt (shared/identity/password.ts format) of the code in upper case: letters are compared
   * without case, since the code is read aloud on the phone. (Its form, 6 to 12 letters or digits: the contract.)
   */
  codeHash: string;
  setAt: string;
}

export const securityCodeKey = keys.securityCode;

const securityCodeSchema = /* @__PURE__ */ lazySchema(() => z.object({ userId: z.string(), codeHash: z.string(), setAt: z.string() }));

export function securityCodeItem(code: SecurityCode): Item {
  return { ...securityCodeKey(code.userId), type: 'SecurityCode', ...code };
}

export function securityCodeFromItem(item: Item): SecurityCode {
  return parseItem('SecurityCode', securityCodeSchema, item);
}

async function getSecurityCode(userId: string): Promise<SecurityCode | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: securityCodeKey(userId), ConsistentRead: true }));
  return found.Item ? securityCodeFromItem(found.Item) : undefined;
}

// --- Use cases ------------------------------------------------------------------------------------------------------

/** What the person may know of their code: whether one is set, and when. Never the code or its hash. */
export interface SecurityCodeStatus {
  set: boolean;
  setAt?: string;
}

const statusOf = (code: SecurityCode | undefined): SecurityCodeStatus => (code ? { set: true, setAt: code.setAt } : { set: false });

export async function securityCodeStatus(userId: string): Promise<SecurityCodeStatus> {
  return statusOf(await getSecurityCode(userId));
}

const WRONG_PASSWORD = 'WRONG_PASSWORD';

/**
 * Sets (or replaces) the person's code once their password is confirmed. A wrong password counts in the sign-in
 * lockout (per e-mail and per address) and answers 400 WRONG_PASSWORD (not 401: the session itself is fine; not 403, which means a role or address refusal).
 * Then one PutItem, and the securityCodeSet notice to the person and the account's security recipients.
 */
export async function setSecurityCode(customer: CustomerCaller, input: { password: string; code: string }): Promise<SecurityCodeStatus> {
  const subjects = { pool: 'customer' as const, email: customer.email, sourceIp: customer.sourceIp };
  await underLockout(subjects, async () => {
    const provider = await identity();
    const right = await provider.verifyPassword({ pool: 'customer', email: customer.email, password: input.password });
    if (!right) throw new AppError(400, WRONG_PASSWORD, 'The password is not right.');
  });
  const code: SecurityCode = { userId: customer.userId, codeHash: await hashPassword(input.code.toUpperCase()), setAt: nowIso() };
  await db().send(new PutCommand({ TableName: tableName(), Item: securityCodeItem(code) }));
  await sendSecurityNotice('securityCodeSet', {
    userId: customer.userId,
    email: customer.email,
    locale: customer.person.locale,
    sourceIp: customer.sourceIp,
    accountId: customer.accountId,
  }).catch((error: unknown) => logger.warn('could not send the security code notice', { error: error as Error }));
  return statusOf(code);
}

/**
 * Staff: checks a code read to them on the phone against one person's code. 404 when the person is not one of the
 * account's people; `{ match: false, set: false }` when they have set none. Each try takes one of the person's five
 * per hour before the comparison (so racing tries cannot exceed them) and a right code gives it back. The audit entry
 * records the result, never the code. Two reads side by side, one counter update (two on a match), one transaction.
 */
export async function staffVerifySecurityCode(context: {
  accountId: string;
  personId: string;
  code: string;
  commit: AuditCommit;
}): Promise<{ match: boolean; set: boolean }> {
  const [membership, stored] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: membershipKey(context.accountId, context.personId) })),
    getSecurityCode(context.personId),
  ]);
  if (!membership.Item) throw new NotFoundError('This person is not one of the account’s people.');
  const { email } = membershipFromItem(membership.Item);
  let result: { match: boolean; set: boolean } = { match: false, set: false };
  if (stored) {
    await consumeRateLimit(SECURITY_CODE_TRIES, context.personId, 'Too many wrong security codes for this person. Try again in an hour.');
    const match = await verifyPassword(context.code.toUpperCase(), stored.codeHash);
    if (match) await releaseRateLimit(SECURITY_CODE_TRIES, context.personId);
    result = { match, set: true };
  }
  await context.commit({
    target: { kind: 'account', id: context.accountId, accountId: context.accountId, label: email },
    changes: [{ field: 'securityCodeCheck', after: result.set ? (result.match ? 'match' : 'no match') : 'no code set' }],
    items: [],
  });
  return result;
}
