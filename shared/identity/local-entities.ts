// The local identity adapter's items: the local user, a pending sign-in (challenge), the codes of confirmation and reset
// links, and refresh tokens. One module for the four because only shared/identity/local.ts reads them, and that module
// never reaches a Lambda bundle (shared/identity/index.ts imports it lazily behind a define): keeping them here keeps
// them out too. Each section owns its key, its item type, `<entity>Item` and `<entity>FromItem`.

import type { PoolName } from '#shared/config.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

const POOLS = ['customer', 'staff'] as const satisfies readonly PoolName[];

// --- Local user ---------------------------------------------------------------------------------------------------

export type LocalUserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'RESET_REQUIRED';

export interface LocalUser {
  sub: string;
  /** Normalised (shared/email.ts): the key is built from it. */
  email: string;
  pool: PoolName;
  /** Absent for users who never chose a password (staff-created orders, imports). */
  passwordHash?: string;
  status: LocalUserStatus;
  groups: string[];
  locale: Locale;
  /** Refresh tokens issued up to this epoch millisecond no longer work (a password reset), as Cognito's global sign-out. */
  tokensRevokedAtMs?: number;
  /** Disabled by an admin (staff): cannot sign in or refresh, as Cognito's AdminDisableUser. */
  disabled?: boolean;
}

/** The user as stored: with the time it was created (kept for people reading the table). */
export interface StoredLocalUser extends LocalUser {
  createdAt: string;
}

export const localUserKey = keys.localUser;

const localUserSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    sub: z.string(),
    email: z.string(),
    pool: z.enum(POOLS),
    passwordHash: z.optional(z.string()),
    status: z.enum(['UNCONFIRMED', 'CONFIRMED', 'RESET_REQUIRED']),
    groups: z.array(z.string()),
    locale: z.enum(LOCALES),
    tokensRevokedAtMs: z.optional(z.number()),
    disabled: z.optional(z.boolean()),
    createdAt: z.string(),
  }),
);

export function localUserItem(user: StoredLocalUser): Item {
  return { ...localUserKey(user.pool, user.email), type: 'LocalUser', ...user };
}

export function localUserFromItem(item: Item): StoredLocalUser {
  return parseItem('LocalUser', localUserSchema, item);
}

// --- Local sign-in challenge ----------------------------------------------------------------------------------------

/** A sign-in waiting for its e-mailed code; the session the client holds is its key. */
export interface LocalChallenge {
  pool: PoolName;
  sub: string;
  email: string;
  groups: string[];
  /** SHA-256 of `<session>:<code>`. */
  codeHash: string;
  /** Wrong codes tried so far (UpdateItem ADD). */
  attempts: number;
  /** Epoch seconds; checked on read, as TTL deletes late. */
  expiresAt: number;
}

export const localChallengeKey = keys.localChallenge;

const localChallengeSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    pool: z.enum(POOLS),
    sub: z.string(),
    email: z.string(),
    groups: z.array(z.string()),
    codeHash: z.string(),
    attempts: z.number(),
    expiresAt: z.number(),
  }),
);

export function localChallengeItem(session: string, challenge: LocalChallenge): Item {
  return { ...localChallengeKey(session), type: 'LocalChallenge', ...challenge };
}

export function localChallengeFromItem(item: Item): LocalChallenge {
  return parseItem('LocalChallenge', localChallengeSchema, item);
}

// --- Local link code ----------------------------------------------------------------------------------------------

/** `email-change`: the code mailed to a new login address, its hash covering that address (keyed by the current one). */
export type LinkPurpose = 'confirm' | 'reset' | 'email-change';

export interface LocalLinkCode {
  /**
   * The codes of the links still pending, each with its own expiry (newest last). Items written before links were kept
   * side by side have none: they read as an empty list, so they count as expired.
   */
  codes: Array<{ hash: string; expiresAt: number }>;
  /** Wrong tries at this address's links, all together. */
  attempts: number;
  /** When the newest link expires (and the item with it). */
  expiresAt: number;
  /** Changes with every write, so that spending a code is single use. */
  nonce: string;
}

export const localLinkCodeKey = keys.localLinkCode;

const localLinkCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    codes: z._default(z.array(z.object({ hash: z.string(), expiresAt: z.number() })), []),
    attempts: z.number(),
    expiresAt: z.number(),
    nonce: z.string(),
  }),
);

export function localLinkCodeItem(pool: PoolName, email: string, purpose: LinkPurpose, linkCode: LocalLinkCode): Item {
  return { ...localLinkCodeKey(pool, email, purpose), type: 'LocalLinkCode', ...linkCode };
}

export function localLinkCodeFromItem(item: Item): LocalLinkCode {
  return parseItem('LocalLinkCode', localLinkCodeSchema, item);
}

// --- Local refresh token ------------------------------------------------------------------------------------------

/** A refresh token, stored under the SHA-256 of its value (the value itself is never stored). */
export interface LocalRefreshToken {
  pool: PoolName;
  email: string;
  issuedAtMs: number;
  /** Epoch seconds; checked on read, as TTL deletes late. */
  expiresAt: number;
}

export const localRefreshTokenKey = keys.localRefreshToken;

const localRefreshTokenSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    pool: z.enum(POOLS),
    email: z.string(),
    issuedAtMs: z.number(),
    expiresAt: z.number(),
  }),
);

export function localRefreshTokenItem(tokenHash: string, token: LocalRefreshToken): Item {
  return { ...localRefreshTokenKey(tokenHash), type: 'LocalRefreshToken', ...token };
}

export function localRefreshTokenFromItem(item: Item): LocalRefreshToken {
  return parseItem('LocalRefreshToken', localRefreshTokenSchema, item);
}
