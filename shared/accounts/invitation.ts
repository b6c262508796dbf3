// The invitation entity: the owner of an account invites someone by e-mail with a role. The link's token is random
// (256 bits) and only its SHA-256 is stored, on a small look-up item beside the invitation, so the public accept page
// finds the invitation with one GetItem and a leaked table copy cannot accept it. Both items expire after 7 days
// (`expiresAt`, the table's TTL attribute; TTL deletion is late, so readers ignore expired items themselves).

import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { localeSchema, type Locale } from '#shared/i18n/locale.ts';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** How long an invitation's link works; a resend mails a new link valid as long again. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export interface Invitation {
  invitationId: string;
  accountId: string;
  /** Normalised. */
  email: string;
  role: CustomerRole;
  /** The mails about it are in this language (and a new user gets it as theirs). */
  locale: Locale;
  /** SHA-256 (base64url) of the current link's token. */
  tokenHash: string;
  invitedBy: { userId: string; email: string };
  createdAt: string;
  /** When the current link was mailed (a resend moves it). */
  sentAt: string;
  /** Epoch seconds: the current link stops working then. */
  expiresAt: number;
}

/** Where the accept page finds an invitation from its token. */
export interface InvitationToken {
  accountId: string;
  invitationId: string;
  expiresAt: number;
}

export const invitationKey = keys.invitation;
export const invitationTokenKey = keys.invitationToken;

const invitationSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    invitationId: z.string(),
    accountId: z.string(),
    email: z.string(),
    role: z.enum(CUSTOMER_ROLES),
    locale: localeSchema,
    tokenHash: z.string(),
    invitedBy: z.object({ userId: z.string(), email: z.string() }),
    createdAt: z.string(),
    sentAt: z.string(),
    expiresAt: z.number(),
  }),
);

const invitationTokenSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ accountId: z.string(), invitationId: z.string(), expiresAt: z.number() }),
);

export function invitationItem(invitation: Invitation): Item {
  return { ...invitationKey(invitation.accountId, invitation.invitationId), type: 'Invitation', ...invitation };
}

export function invitationFromItem(item: Item): Invitation {
  return parseItem('Invitation', invitationSchema, item);
}

export function invitationTokenItem(tokenHash: string, token: InvitationToken): Item {
  return { ...invitationTokenKey(tokenHash), type: 'InvitationToken', ...token };
}

export function invitationTokenFromItem(item: Item): InvitationToken {
  return parseItem('InvitationToken', invitationTokenSchema, item);
}

/** A new link token (32 random bytes, base64url) and the hash that is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export const isLive = (invitation: Pick<Invitation, 'expiresAt'>) => invitation.expiresAt > nowEpochSeconds();

/** One invitation of the account (strongly consistent), expired or not, or undefined. */
export async function getInvitation(accountId: string, invitationId: string): Promise<Invitation | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: invitationKey(accountId, invitationId), ConsistentRead: true }),
  );
  return found.Item ? invitationFromItem(found.Item) : undefined;
}

/** The invitation a link's token opens, if the token is known and its link has not expired: two GetItems. */
export async function invitationByToken(token: string): Promise<Invitation | undefined> {
  const tokenHash = hashInvitationToken(token);
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: invitationTokenKey(tokenHash), ConsistentRead: true }));
  if (!found.Item) return undefined;
  const pointer = invitationTokenFromItem(found.Item);
  const invitation = await getInvitation(pointer.accountId, pointer.invitationId);
  // A resend replaced the token: the old link opens nothing.
  if (!invitation || invitation.tokenHash !== tokenHash || !isLive(invitation)) return undefined;
  return invitation;
}

/**
 * The account's invitations that still work, oldest first: one Query of the account's partition (at most `limit`
 * items read; an account has at most MAX_PEOPLE_PER_ACCOUNT people and invitations together).
 */
export async function pendingInvitations(accountId: string, limit: number): Promise<Invitation[]> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': SK_PREFIX.invitation },
      Limit: limit,
    }),
  );
  return (result.Items ?? [])
    .map(invitationFromItem)
    .filter(isLive)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
