// The change of a person's login e-mail: a code to the new address first (the identity provider keeps the old login
// until it comes back), then the address everywhere Atrium keeps a copy of it, and a notice to the old address.

import { type Account, accountFromItem, accountKey } from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { membershipKey } from '#shared/accounts/membership.ts';
import { BatchGetCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { normaliseEmail } from '#shared/email.ts';
import { AppError, UnauthorizedError } from '#shared/http/errors.ts';
import type { HttpEvent } from '#shared/http/handler.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { sendMail } from '#shared/mail/send.ts';
import { emailChangedMail } from '#shared/mail/templates.ts';
import { getSubscription, subscriptionEmailUpdate } from '#shared/notifications/mailing.ts';
import { MAILING_LISTS } from '#shared/notifications/consent-wording.ts';
import { logger } from '#shared/observability/logger.ts';
import { consumeRateLimit, type RateLimit } from '#shared/rate-limit.ts';
import { accountSearchItems, searchItemChanges } from '#shared/search/search-entry.ts';

/** Each request mails a code to an address the person typed: a few an hour are enough for typos. */
export const EMAIL_CHANGE_LIMIT: RateLimit = { name: 'email-change', max: 3, windowSeconds: 3600 };

/** DynamoDB's limit of items per transaction. */
const MAX_TRANSACTION_ITEMS = 100;

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** The caller's access token (Cognito's UpdateUserAttributes and VerifyUserAttribute act on the token's user). */
export function accessTokenOf(event: HttpEvent): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new UnauthorizedError('Sign in again.');
  return token;
}

export async function startEmailChange(
  caller: CustomerCaller,
  input: { newEmail: string; locale: Locale; accessToken: string },
): Promise<{ newEmail: string }> {
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === normaliseEmail(caller.email)) {
    throw new AppError(400, 'EMAIL_UNCHANGED', 'This is already your e-mail address.');
  }
  await consumeRateLimit(EMAIL_CHANGE_LIMIT, caller.userId, 'You asked for several codes already. Wait an hour and try again.');
  await (await identity()).startEmailChange({
    userId: caller.userId,
    email: caller.email,
    accessToken: input.accessToken,
    newEmail,
    locale: input.locale,
  });
  return { newEmail };
}

export async function confirmEmailChange(
  caller: CustomerCaller,
  input: { newEmail: string; code: string; accessToken: string },
): Promise<{ email: string }> {
  const newEmail = normaliseEmail(input.newEmail);
  const oldEmail = caller.email;
  await (await identity()).confirmEmailChange({
    userId: caller.userId,
    email: oldEmail,
    accessToken: input.accessToken,
    newEmail,
    code: input.code,
  });
  await copyNewEmail(caller, oldEmail, newEmail);
  // The change has taken effect: a notice that cannot be delivered must not make it look as if it had not.
  await sendMail(emailChangedMail(oldEmail, newEmail, caller.person.locale ?? 'en')).catch((error: unknown) =>
    logger.error('could not send the notice of an e-mail change', { error: error as Error }),
  );
  return { email: newEmail };
}

/**
 * Writes the new address wherever Atrium keeps the person's e-mail: every membership, the contact e-mail (and its
 * search entry) of the accounts where it was theirs, the mailing-list subscriptions. One transaction for the usual
 * case; at most 25 memberships (MAX_ACCOUNTS_PER_PERSON) keep it bounded, and an account's update stays in one
 * transaction with its search entries when they need more than one.
 */
async function copyNewEmail(caller: CustomerCaller, oldEmail: string, newEmail: string): Promise<void> {
  const table = tableName();
  const groups: TransactItem[][] = [];
  groups.push(
    caller.memberships.map((membership) => ({
      Update: {
        TableName: table,
        Key: membershipKey(membership.accountId, caller.userId),
        UpdateExpression: 'SET email = :email',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':email': newEmail },
      },
    })),
  );
  for (const list of MAILING_LISTS) {
    if (await getSubscription(caller.userId, list)) groups.push([{ Update: subscriptionEmailUpdate(caller.userId, list, newEmail) }]);
  }
  for (const account of await accountsOf(caller)) {
    if (normaliseEmail(account.contactEmail) !== normaliseEmail(oldEmail)) continue;
    const before = accountSearchItems(account);
    const changes = searchItemChanges(before, accountSearchItems({ ...account, contactEmail: newEmail }));
    const existing = new Set(before.map((item) => `${item.PK}|${item.SK}`));
    groups.push([
      {
        Update: {
          TableName: table,
          Key: accountKey(account.accountId),
          UpdateExpression: 'SET contactEmail = :email',
          ConditionExpression: 'contactEmail = :old',
          ExpressionAttributeValues: { ':email': newEmail, ':old': account.contactEmail },
        },
      },
      ...changes.put.filter((item) => !existing.has(`${item.PK}|${item.SK}`)).map((Item) => ({ Put: { TableName: table, Item } })),
      ...changes.delete.map((Key) => ({ Delete: { TableName: table, Key } })),
    ]);
  }
  for (const TransactItems of packed(groups)) await db().send(new TransactWriteCommand({ TransactItems }));
}

/** The accounts of the person's memberships (at most 25: one BatchGetItem, plus retries of what it left unprocessed). */
async function accountsOf(caller: CustomerCaller): Promise<Account[]> {
  const accounts: Account[] = [];
  let Keys: Array<Record<string, unknown>> = caller.memberships.map((membership) => accountKey(membership.accountId));
  for (let attempt = 0; Keys.length && attempt < 5; attempt += 1) {
    const found = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys, ConsistentRead: true } } }));
    accounts.push(...(found.Responses?.[tableName()] ?? []).map(accountFromItem));
    Keys = found.UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return accounts;
}

/** Groups packed into as few transactions as fit, a group never split. */
function packed(groups: TransactItem[][]): TransactItem[][] {
  const transactions: TransactItem[][] = [];
  for (const group of groups.filter((each) => each.length)) {
    const last = transactions.at(-1);
    if (last && last.length + group.length <= MAX_TRANSACTION_ITEMS) last.push(...group);
    else transactions.push([...group]);
  }
  return transactions;
}
