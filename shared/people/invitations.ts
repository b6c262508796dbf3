// Invitations into a customer account: the owner invites someone by e-mail with a role, lists, resends and withdraws
// them; the invitee opens the link, sees the invitation and accepts it once (joining with their user, or creating one
// with a password). docs/api.md "People of an account".

import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { getAccount, ownerCountUpdate } from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import {
  getInvitation,
  INVITATION_TTL_SECONDS,
  type Invitation,
  invitationByToken,
  invitationItem,
  invitationKey,
  invitationTokenItem,
  invitationTokenKey,
  newInvitationToken,
  pendingInvitations,
} from '#shared/accounts/invitation.ts';
import { MAX_ACCOUNTS_PER_PERSON, membersOfAccount, membershipItem, membershipsOfUser } from '#shared/accounts/membership.ts';
import { personUpdate } from '#shared/accounts/person.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { normaliseEmail } from '#shared/email.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { config } from '#shared/config.ts';
import { newId } from '#shared/ids.ts';
import { sendMail } from '#shared/mail/send.ts';
import { MAX_PEOPLE_PER_ACCOUNT } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { consumeRateLimit } from '#shared/rate-limit.ts';
import { nowEpochSeconds, nowIso } from '#shared/time.ts';
import { invitationMail, sendMembershipNotice } from '#shared/people/mails.ts';
import { cancellationCodes, displayName, INVITATIONS_READ, type InvitationView, invitationView, owners } from '#shared/people/common.ts';

const RESEND_LIMIT = { name: 'invitation-resend', max: 3, windowSeconds: 3600 } as const;

const invalidLink = () =>
  new AppError(404, 'INVITATION_INVALID', 'This invitation link is not valid any more: it was used, withdrawn, replaced or has expired.');
const notFound = () => new NotFoundError('There is no such invitation.');
const accountFull = () =>
  new ConflictError(`An account has at most ${MAX_PEOPLE_PER_ACCOUNT} people, invitations included. Remove someone first.`, 'ACCOUNT_FULL');

function link(token: string): string {
  return `${config().portalUrl}/invitation?token=${token}`;
}

async function mailInvitation(invitation: Invitation, token: string, accountName: string, inviter: string): Promise<void> {
  await sendMail(
    invitationMail({
      to: invitation.email,
      locale: invitation.locale,
      account: accountName,
      inviter,
      role: invitation.role,
      link: link(token),
      expiresAt: new Date(invitation.expiresAt * 1000).toISOString(),
    }),
  );
}

/**
 * Owner: invites `email` with `role`. Refused for a person already in the account, an address already invited, and
 * past MAX_PEOPLE_PER_ACCOUNT people and invitations together. Three reads side by side, one transaction (the
 * invitation and its token's look-up item), then the mail.
 */
export async function invitePerson(
  caller: CustomerCaller,
  input: { email: string; role: CustomerRole; locale?: Locale | undefined },
): Promise<InvitationView> {
  const email = normaliseEmail(input.email);
  const [members, pending, account] = await Promise.all([
    membersOfAccount(caller.accountId, MAX_PEOPLE_PER_ACCOUNT + 1),
    pendingInvitations(caller.accountId, INVITATIONS_READ),
    getAccount(caller.accountId),
  ]);
  if (!account) throw new NotFoundError('There is no such account.');
  if (members.some((member) => normaliseEmail(member.email) === email)) {
    throw new ConflictError('This person already acts for the account.', 'ALREADY_A_MEMBER');
  }
  if (pending.some((invitation) => invitation.email === email)) {
    throw new ConflictError('This address is invited already: resend or withdraw that invitation.', 'ALREADY_INVITED');
  }
  if (members.length + pending.length >= MAX_PEOPLE_PER_ACCOUNT) throw accountFull();

  const { token, tokenHash } = newInvitationToken();
  const now = nowIso();
  const invitation: Invitation = {
    invitationId: newId(),
    accountId: caller.accountId,
    email,
    role: input.role,
    locale: input.locale ?? caller.person.locale ?? DEFAULT_LOCALE,
    tokenHash,
    invitedBy: { userId: caller.userId, email: caller.email },
    createdAt: now,
    sentAt: now,
    expiresAt: nowEpochSeconds() + INVITATION_TTL_SECONDS,
  };
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: invitationItem(invitation), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Put: {
            TableName: tableName(),
            Item: invitationTokenItem(tokenHash, {
              accountId: invitation.accountId,
              invitationId: invitation.invitationId,
              expiresAt: invitation.expiresAt,
            }),
          },
        },
      ],
    }),
  );
  await mailInvitation(invitation, token, account.name, displayName(caller.person, caller.email));
  return invitationView(invitation);
}

/** Owner: mails the invitation again with a new link (the old one stops working), at most 3 times an hour. */
export async function resendInvitation(caller: CustomerCaller, invitationId: string): Promise<InvitationView> {
  const [before, account] = await Promise.all([getInvitation(caller.accountId, invitationId), getAccount(caller.accountId)]);
  if (!before || !account) throw notFound();
  await consumeRateLimit(
    RESEND_LIMIT,
    `${caller.accountId}#${invitationId}`,
    'This invitation was sent several times in the last hour. Try again later.',
  );
  const { token, tokenHash } = newInvitationToken();
  const after: Invitation = { ...before, tokenHash, sentAt: nowIso(), expiresAt: nowEpochSeconds() + INVITATION_TTL_SECONDS };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: invitationItem(after),
              ConditionExpression: 'tokenHash = :before',
              ExpressionAttributeValues: { ':before': before.tokenHash },
            },
          },
          { Delete: { TableName: tableName(), Key: invitationTokenKey(before.tokenHash) } },
          {
            Put: {
              TableName: tableName(),
              Item: invitationTokenItem(tokenHash, { accountId: after.accountId, invitationId, expiresAt: after.expiresAt }),
            },
          },
        ],
      }),
    );
  } catch (error) {
    // Accepted, withdrawn or resent at the same moment.
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') throw notFound();
    throw error;
  }
  await mailInvitation(after, token, account.name, displayName(caller.person, caller.email));
  return invitationView(after);
}

/** Owner: withdraws an invitation; its link stops working. */
export async function revokeInvitation(caller: CustomerCaller, invitationId: string): Promise<void> {
  const invitation = await getInvitation(caller.accountId, invitationId);
  if (!invitation) throw notFound();
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: invitationKey(caller.accountId, invitationId),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          { Delete: { TableName: tableName(), Key: invitationTokenKey(invitation.tokenHash) } },
        ],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') throw notFound();
    throw error;
  }
}

/** What the accept page shows for a link's token. */
export async function viewInvitation(token: string) {
  const invitation = await invitationByToken(token);
  if (!invitation) throw invalidLink();
  const [account, user] = await Promise.all([
    getAccount(invitation.accountId),
    (await identity()).findCustomerUser({ email: invitation.email }),
  ]);
  if (!account) throw invalidLink();
  return {
    email: invitation.email,
    accountName: account.name,
    role: invitation.role,
    invitedBy: invitation.invitedBy.email,
    expiresAt: new Date(invitation.expiresAt * 1000).toISOString(),
    hasUser: user !== undefined,
  };
}

/**
 * Accepts an invitation, once: the invitee's user (found by the address, or created confirmed with `password`) gets
 * the membership, in one transaction with the invitation's removal (conditional on its token, so the link works once)
 * and, for an owner, the account's owner count. Refused past MAX_PEOPLE_PER_ACCOUNT people in the account and past
 * MAX_ACCOUNTS_PER_PERSON accounts for the person (counted just before: two acceptances at the same moment could pass
 * one over, which the next invitation then refuses).
 */
export async function acceptInvitation(input: { token: string; password?: string | undefined }) {
  const invitation = await invitationByToken(input.token);
  if (!invitation) throw invalidLink();
  const [existing, members, accountRead] = await Promise.all([
    (await identity()).findCustomerUser({ email: invitation.email }),
    membersOfAccount(invitation.accountId, MAX_PEOPLE_PER_ACCOUNT + 1),
    getAccount(invitation.accountId),
  ]);
  if (!accountRead) throw invalidLink();
  const account = accountRead;
  if (members.length >= MAX_PEOPLE_PER_ACCOUNT) throw accountFull();
  if (existing) {
    if (members.some((member) => member.userId === existing.userId)) {
      throw new ConflictError('You already act for this account: sign in.', 'ALREADY_A_MEMBER');
    }
    const theirs = await membershipsOfUser(existing.userId, MAX_ACCOUNTS_PER_PERSON + 1);
    if (theirs.length >= MAX_ACCOUNTS_PER_PERSON) {
      throw new ConflictError(`One person acts for at most ${MAX_ACCOUNTS_PER_PERSON} accounts. Leave one first.`, 'TOO_MANY_ACCOUNTS');
    }
  } else if (input.password === undefined) {
    throw new ValidationError('Choose a password: this address has no account yet.', [
      { path: 'body.password', message: 'Required for a new account.' },
    ]);
  }
  const userId =
    existing?.userId ??
    (await (await identity()).createConfirmedCustomer({ email: invitation.email, password: input.password!, locale: invitation.locale }))
      .userId;
  const createdUser = existing === undefined;

  const ownerCount =
    invitation.role === 'owner'
      ? ownerCountUpdate(invitation.accountId, { stored: account.ownerCount, counted: owners(members), delta: 1 })
      : undefined;
  const items = [
    {
      Delete: {
        TableName: tableName(),
        Key: invitationKey(invitation.accountId, invitation.invitationId),
        ConditionExpression: 'tokenHash = :hash',
        ExpressionAttributeValues: { ':hash': invitation.tokenHash },
      },
    },
    { Delete: { TableName: tableName(), Key: invitationTokenKey(invitation.tokenHash) } },
    {
      Put: {
        TableName: tableName(),
        Item: membershipItem({
          accountId: invitation.accountId,
          userId,
          email: invitation.email,
          role: invitation.role,
          createdAt: nowIso(),
        }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...(createdUser ? [{ Update: personUpdate(userId, { email: invitation.email, locale: invitation.locale, updatedAt: nowIso() }) }] : []),
    ...(ownerCount ? [ownerCount] : []),
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (createdUser) {
      await (await identity())
        .deleteUser({ pool: 'customer', email: invitation.email })
        .catch((undoError: unknown) => logger.error('could not undo an invited user', { error: undoError as Error }));
    }
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') throw invalidLink();
    if (codes?.[2] === 'ConditionalCheckFailed') throw new ConflictError('You already act for this account: sign in.', 'ALREADY_A_MEMBER');
    if (codes?.includes('ConditionalCheckFailed') || codes?.includes('TransactionConflict')) {
      throw new ConflictError('The account changed at the same moment. Open the link again.', 'PEOPLE_CHANGED');
    }
    throw error;
  }
  await sendMembershipNotice(invitation.accountId, {
    kind: 'joined',
    person: invitation.email,
    account: account.name,
    role: invitation.role,
  });
  return { email: invitation.email, accountName: account.name, role: invitation.role, createdUser };
}
