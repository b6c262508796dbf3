// Admin's staff users: the list, invitations, groups, disable/enable and "sign out everywhere". The identity provider
// (Cognito, or the local adapter) holds credentials and groups; the staff user item (shared/staff/staff-user.ts) is
// the directory the page lists and what staffCaller checks. Each change goes to the provider first, then the staff
// item, the session revocation and the audit entry are written in one transaction (audit.commit).
//
// The last active admin: a change that takes an active admin away (their admin group removed, or disabled) must leave
// another active admin. The directory is read to find one (GSI1, eventually consistent), and the transaction checks
// that admin's item again (ConditionCheck, strongly consistent): two admins demoting each other at the same moment
// cannot both succeed, as each transaction checks the item the other one changes.

import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { GSI1 } from '#shared/db/table.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import type { StaffGroup } from '#shared/accounts/groups.ts';
import { changesBetween, type AuditTrail, type TransactItem } from '#shared/audit/audit.ts';
import { staffRevocationItem } from '#shared/auth/revocation.ts';
import { normaliseEmail } from '#shared/email.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { logger } from '#shared/observability/logger.ts';
import { STAFF_DIRECTORY_PARTITION, type StaffUser, staffUserFromItem, staffUserItem, staffUserKey } from '#shared/staff/staff-user.ts';
import { nowEpochSeconds, nowIso } from '#shared/time.ts';

/** The fields of a staff user the audit entry compares. */
const AUDITED_FIELDS = ['email', 'groups', 'status', 'locale'] as const satisfies readonly (keyof StaffUser)[];

const lastAdmin = () => new ConflictError('This would leave no active admin. Make someone else an admin first.', 'LAST_ADMIN');
const changedMeanwhile = () =>
  new ConflictError('This staff user was changed at the same moment. Reload the page and try again.', 'STAFF_USER_CHANGED');
const notFound = () => new NotFoundError('There is no such staff user.');

/** Every staff user, by e-mail, a page at a time (GSI1 partition `STAFF`). */
export function listStaffUsers(page: { limit?: number; cursor?: string }): Promise<Page<StaffUser>> {
  return queryPage({ index: 'GSI1', partition: STAFF_DIRECTORY_PARTITION, ...page }, staffUserFromItem);
}

async function getStaffUser(userId: string): Promise<StaffUser> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: staffUserKey(userId), ConsistentRead: true }));
  if (!found.Item) throw notFound();
  return staffUserFromItem(found.Item);
}

const isActiveAdmin = (user: Pick<StaffUser, 'status' | 'groups'>) => user.status === 'active' && user.groups.includes('admin');

/**
 * Another active admin than this user, from the directory (one Query of the small `STAFF` partition; its first
 * megabyte holds thousands of staff users), or undefined.
 */
async function anotherActiveAdmin(userId: string): Promise<string | undefined> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :staff',
      FilterExpression: '#status = :active AND contains(#groups, :admin) AND userId <> :self',
      ExpressionAttributeNames: { '#pk': GSI1.partitionKey, '#status': 'status', '#groups': 'groups' },
      ExpressionAttributeValues: { ':staff': STAFF_DIRECTORY_PARTITION, ':active': 'active', ':admin': 'admin', ':self': userId },
      ProjectionExpression: 'userId',
    }),
  );
  const found = result.Items?.[0]?.userId;
  return typeof found === 'string' ? found : undefined;
}

/** The transaction's check that `adminId` is still an active admin when the change is written. */
function stillActiveAdmin(adminId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: staffUserKey(adminId),
      ConditionExpression: '#status = :active AND contains(#groups, :admin)',
      ExpressionAttributeNames: { '#status': 'status', '#groups': 'groups' },
      ExpressionAttributeValues: { ':active': 'active', ':admin': 'admin' },
    },
  };
}

/** The staff user's new item, written only if nobody changed their status or groups since they were read. */
function replaceStaffUser(before: StaffUser, after: StaffUser): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: staffUserItem(after),
      ConditionExpression: '#status = :status AND #groups = :groups',
      ExpressionAttributeNames: { '#status': 'status', '#groups': 'groups' },
      ExpressionAttributeValues: { ':status': before.status, ':groups': before.groups },
    },
  };
}

/** Ends the staff user's access tokens issued before now (staffCaller reads it with the staff user's item). */
function revokeNow(userId: string): TransactItem {
  return { Put: { TableName: tableName(), Item: staffRevocationItem(userId, { revokedBefore: nowEpochSeconds() }) } };
}

function cancellationCodes(error: unknown): string[] | undefined {
  if ((error as Error).name !== 'TransactionCanceledException') return undefined;
  return ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

/**
 * Writes a change to one staff user with its audit entry. When it takes an active admin away, another one must exist
 * (checked here before the provider is touched, and again in the transaction). `provider` makes the change in the
 * identity provider first; `undo` puts it back if the table refuses the write.
 */
async function changeStaffUser(input: {
  audit: AuditTrail;
  userId: string;
  change: (before: StaffUser) => StaffUser;
  provider: (user: StaffUser) => Promise<void>;
  undo: (before: StaffUser) => Promise<void>;
  endSessions: boolean;
}): Promise<StaffUser> {
  const before = await getStaffUser(input.userId);
  const after = input.change(before);
  const removesAdmin = isActiveAdmin(before) && !isActiveAdmin(after);
  const otherAdmin = removesAdmin ? await anotherActiveAdmin(before.userId) : undefined;
  if (removesAdmin && !otherAdmin) throw lastAdmin();

  await input.provider(before);
  const items: TransactItem[] = [
    replaceStaffUser(before, after),
    ...(input.endSessions ? [revokeNow(before.userId)] : []),
    ...(otherAdmin ? [stillActiveAdmin(otherAdmin)] : []),
  ];
  try {
    await input.audit.commit({
      target: { kind: 'staff-user', id: before.userId, label: before.email },
      changes: changesBetween(before, after, AUDITED_FIELDS),
      items,
    });
  } catch (error) {
    // Whatever stopped the write, the provider goes back to what the table still says.
    await input
      .undo(before)
      .catch((undoError: unknown) =>
        logger.error('could not undo a staff user change in the identity provider', { error: undoError as Error }),
      );
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    // Item 0 is the staff user (changed meanwhile); the last, when there is one, the other admin (no longer one).
    if (otherAdmin && codes[items.length - 1] === 'ConditionalCheckFailed') throw lastAdmin();
    // A concurrent transaction on the same items (another admin's change at the same moment): nothing was written.
    if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) throw changedMeanwhile();
    throw error;
  }
  return after;
}

/** Invites a staff user: the provider creates them and mails the invitation; their item and the audit entry follow. */
export async function inviteStaffUser(
  input: { email: string; groups: readonly StaffGroup[]; locale: Locale },
  audit: AuditTrail,
): Promise<StaffUser> {
  const provider = await identity();
  const { userId } = await provider.inviteStaffUser(input);
  const user: StaffUser = {
    userId,
    email: normaliseEmail(input.email),
    groups: [...input.groups],
    status: 'invited',
    locale: input.locale,
    createdAt: nowIso(),
  };
  try {
    await audit.commit({
      target: { kind: 'staff-user', id: userId, label: user.email },
      changes: changesBetween(undefined, user, AUDITED_FIELDS),
      items: [{ Put: { TableName: tableName(), Item: staffUserItem(user), ConditionExpression: 'attribute_not_exists(PK)' } }],
    });
  } catch (error) {
    // Without its item the user would be invisible on the page: take the invitation back, so it can simply be resent.
    await provider
      .deleteUser({ pool: 'staff', email: user.email })
      .catch((undoError: unknown) => logger.error('could not undo a staff invitation', { error: undoError as Error }));
    throw error;
  }
  return user;
}

/** Puts a staff user in exactly these groups and ends their sessions (their tokens carry the old groups). */
export async function setStaffGroups(userId: string, groups: readonly StaffGroup[], audit: AuditTrail): Promise<StaffUser> {
  const provider = await identity();
  return changeStaffUser({
    audit,
    userId,
    change: (before) => ({ ...before, groups: [...groups] }),
    provider: async (user) => {
      await provider.setStaffGroups({ email: user.email, groups });
      await provider.signOutEverywhere({ pool: 'staff', email: user.email });
    },
    undo: (before) => provider.setStaffGroups({ email: before.email, groups: before.groups }),
    endSessions: true,
  });
}

/** Disables (the user cannot sign in; their tokens are refused) or enables a staff user. */
export async function setStaffUserEnabled(userId: string, enabled: boolean, audit: AuditTrail): Promise<StaffUser> {
  const provider = await identity();
  return changeStaffUser({
    audit,
    userId,
    // An invited user who is enabled again is still invited until they choose a password.
    change: (before) => ({
      ...before,
      status: enabled ? (before.status === 'disabled' ? 'active' : before.status) : 'disabled',
    }),
    provider: (user) => provider.setUserEnabled({ pool: 'staff', email: user.email, enabled }),
    undo: (before) => provider.setUserEnabled({ pool: 'staff', email: before.email, enabled: before.status !== 'disabled' }),
    endSessions: !enabled,
  });
}

/** Ends every session of a staff user on every device: refresh tokens in the provider, access tokens in the table. */
export async function signOutStaffUser(userId: string, audit: AuditTrail): Promise<StaffUser> {
  const provider = await identity();
  const user = await getStaffUser(userId);
  await provider.signOutEverywhere({ pool: 'staff', email: user.email });
  const revokedAt = nowIso();
  await audit.commit({
    target: { kind: 'staff-user', id: user.userId, label: user.email },
    changes: [{ field: 'sessionsEndedAt', after: revokedAt }],
    items: [
      revokeNow(user.userId),
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: staffUserKey(user.userId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
    ],
  });
  return user;
}
