// The people of a customer account: the list (every role reads it), an owner changing someone's role or removing
// them, a person leaving, and the accounts a person acts for (the account switch). The last owner cannot go: the
// account item's `ownerCount` moves in the same transaction as the membership, under a condition on its value.

import { BatchGetCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { type Account, accountFromItem, accountKey, getAccount, ownerCountUpdate } from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { getMembership, type Membership, membersOfAccount, membershipKey } from '#shared/accounts/membership.ts';
import { getPerson, personFromItem, personKey } from '#shared/accounts/person.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { MAX_PEOPLE_PER_ACCOUNT } from '#shared/notifications/recipients.ts';
import { cancellationCodes, displayName, INVITATIONS_READ, type InvitationView, invitationView, owners } from '#shared/people/common.ts';
import { pendingInvitations } from '#shared/accounts/invitation.ts';
import { type MembershipNotice, sendMembershipNotice } from '#shared/people/mails.ts';

export interface PersonView {
  userId: string;
  email: string;
  role: CustomerRole;
  firstName?: string;
  lastName?: string;
  joinedAt: string;
  isYou: boolean;
}

const lastOwner = () => new ConflictError('The account needs at least one owner. Make someone else an owner first.', 'LAST_OWNER');
const changedMeanwhile = () =>
  new ConflictError('The people of the account changed at the same moment. Reload the page and try again.', 'PEOPLE_CHANGED');
const noSuchPerson = () => new NotFoundError('There is no such person in this account.');

/** Reads up to 100 items by key in one BatchGet (retrying what DynamoDB leaves unprocessed, a bounded number of times). */
async function batchGet(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  if (keys.length === 0) return [];
  const found: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] | undefined = keys;
  for (let attempt = 0; pending?.length && attempt < 3; attempt += 1) {
    const result = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
    found.push(...(result.Responses?.[tableName()] ?? []));
    pending = result.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
  }
  return found;
}

/**
 * The account's people with their names (one Query, then one BatchGet of their person items) and, for an owner, the
 * pending invitations (one Query, side by side). Both at most MAX_PEOPLE_PER_ACCOUNT: no paging needed.
 */
export async function listPeople(
  caller: CustomerCaller,
): Promise<{ people: PersonView[]; invitations: InvitationView[]; maxPeople: number }> {
  const [members, invitations] = await Promise.all([
    membersOfAccount(caller.accountId, MAX_PEOPLE_PER_ACCOUNT),
    caller.role === 'owner' ? pendingInvitations(caller.accountId, INVITATIONS_READ) : Promise.resolve([]),
  ]);
  const persons = new Map(
    (await batchGet(members.map((member) => personKey(member.userId)))).map(personFromItem).map((person) => [person.userId, person]),
  );
  const people = members
    .map((member) => {
      const person = persons.get(member.userId);
      return {
        userId: member.userId,
        email: member.email,
        role: member.role,
        ...(person?.firstName ? { firstName: person.firstName } : {}),
        ...(person?.lastName ? { lastName: person.lastName } : {}),
        joinedAt: member.createdAt,
        isYou: member.userId === caller.userId,
      };
    })
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return { people, invitations: invitations.map(invitationView), maxPeople: MAX_PEOPLE_PER_ACCOUNT };
}

/** The owner count's transaction item when a change takes an owner away or adds one (undefined: no change of owners). */
async function ownerChange(accountId: string, before: CustomerRole, after: CustomerRole | undefined) {
  const delta = before === 'owner' && after !== 'owner' ? -1 : before !== 'owner' && after === 'owner' ? 1 : 0;
  const account = await getAccount(accountId);
  if (!account) throw noSuchPerson();
  if (delta === 0) return { account, item: undefined };
  // Only an account from before the count needs its owners counted.
  const counted = account.ownerCount === undefined ? owners(await membersOfAccount(accountId, MAX_PEOPLE_PER_ACCOUNT)) : 0;
  const item = ownerCountUpdate(accountId, { stored: account.ownerCount, counted, delta });
  if (!item) throw lastOwner();
  return { account, item };
}

async function writeChange(membershipItem: object, ownerItem: object | undefined): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [membershipItem, ...(ownerItem ? [ownerItem] : [])] }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.includes('ConditionalCheckFailed') || codes?.includes('TransactionConflict')) throw changedMeanwhile();
    throw error;
  }
}

async function notify(member: Membership, account: Account, notice: MembershipNotice): Promise<void> {
  const person = await getPerson(member.userId);
  await sendMembershipNotice(account.accountId, notice, { email: member.email, locale: person.locale ?? DEFAULT_LOCALE });
}

/** Owner: gives a person another role. The last owner stays owner (409 LAST_OWNER). The person is mailed. */
export async function changeRole(caller: CustomerCaller, personId: string, role: CustomerRole): Promise<PersonView> {
  const before = await getMembership(caller.accountId, personId);
  if (!before) throw noSuchPerson();
  const view = (current: Membership): PersonView => ({
    userId: current.userId,
    email: current.email,
    role: current.role,
    joinedAt: current.createdAt,
    isYou: current.userId === caller.userId,
  });
  if (before.role === role) return view(before);
  const { account, item } = await ownerChange(caller.accountId, before.role, role);
  await writeChange(
    {
      Update: {
        TableName: tableName(),
        Key: membershipKey(caller.accountId, personId),
        UpdateExpression: 'SET #role = :after',
        ConditionExpression: '#role = :before',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':after': role, ':before': before.role },
      },
    },
    item,
  );
  const after = { ...before, role };
  await notify(after, account, {
    kind: 'roleChanged',
    person: before.email,
    account: account.name,
    role,
    by: displayName(caller.person, caller.email),
  });
  return view(after);
}

/** Takes a person's membership away (the last owner stays): their next call for the account is refused. */
async function endMembership(accountId: string, personId: string): Promise<{ member: Membership; account: Account }> {
  const member = await getMembership(accountId, personId);
  if (!member) throw noSuchPerson();
  const { account, item } = await ownerChange(accountId, member.role, undefined);
  await writeChange(
    {
      Delete: {
        TableName: tableName(),
        Key: membershipKey(accountId, personId),
        ConditionExpression: '#role = :before',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':before': member.role },
      },
    },
    item,
  );
  return { member, account };
}

/** Owner: removes a person from the account; they and the security recipients are mailed. */
export async function removePerson(caller: CustomerCaller, personId: string): Promise<void> {
  const { member, account } = await endMembership(caller.accountId, personId);
  await notify(member, account, {
    kind: 'removed',
    person: member.email,
    account: account.name,
    by: displayName(caller.person, caller.email),
  });
}

/**
 * The caller stops acting for the account. The body names it again, so a page left open on another account (the
 * header names the current one) cannot leave the wrong one.
 */
export async function leaveAccount(caller: CustomerCaller, accountId: string): Promise<void> {
  if (accountId !== caller.accountId) {
    throw new AppError(400, 'ACCOUNT_MISMATCH', 'You act for another account than the one you asked to leave. Reload the page.');
  }
  const { member, account } = await endMembership(caller.accountId, caller.userId);
  await notify(member, account, { kind: 'left', person: member.email, account: account.name });
}

/**
 * The accounts the caller acts for, by name: the memberships customerCaller already read, and one BatchGet of the
 * account items for their names. A staff user viewing an account sees that one.
 */
export async function myAccounts(caller: CustomerCaller) {
  const memberships = caller.memberships.length
    ? caller.memberships
    : [{ accountId: caller.accountId, role: caller.role } as Pick<Membership, 'accountId' | 'role'>];
  const names = new Map(
    (await batchGet(memberships.map((membership) => accountKey(membership.accountId))))
      .map(accountFromItem)
      .map((account) => [account.accountId, account.name]),
  );
  const accounts = memberships
    .map((membership) => ({
      accountId: membership.accountId,
      name: names.get(membership.accountId) ?? membership.accountId,
      role: membership.role,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { accounts, current: caller.accountId };
}
