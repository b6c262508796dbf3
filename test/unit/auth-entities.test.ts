// The items of authentication and of the local identity adapter: each is written by its `...Item` builder under the key
// docs/data-model.md gives it and read back by its `...FromItem`, which validates the stored shape and drops keys and
// `type`; a drifted item is refused with an error that names the entity, its key and the fields.

import { describe, expect, it } from 'vitest';
import { codeMailFromItem, codeMailItem, type CodeMail } from '#shared/auth/code-mail-limits.ts';
import { lockoutFromItem, lockoutItem, type Lockout } from '#shared/auth/lockout.ts';
import { staffRevocationFromItem, staffRevocationItem } from '#shared/auth/revocation.ts';
import { signInFromItem, signInItem, type StoredSignIn } from '#shared/auth/sign-ins.ts';
import type { Item } from '#shared/db/entity.ts';
import {
  localChallengeFromItem,
  localChallengeItem,
  localLinkCodeFromItem,
  localLinkCodeItem,
  localRefreshTokenFromItem,
  localRefreshTokenItem,
  localUserFromItem,
  localUserItem,
  type LocalChallenge,
  type LocalLinkCode,
  type LocalRefreshToken,
  type StoredLocalUser,
} from '#shared/identity/local-entities.ts';
import { rateWindowFromItem, rateWindowItem, type RateWindow } from '#shared/rate-limit.ts';
import { shapeErrorOf } from '../support/item-shape.ts';

const user: StoredLocalUser = {
  sub: '7c1e0d2a-0000-4000-8000-00000000c001',
  email: 'anna@nordwind.example',
  pool: 'customer',
  passwordHash: 'scrypt$abc',
  status: 'CONFIRMED',
  groups: [],
  locale: 'pl',
  tokensRevokedAtMs: 1_764_000_000_000,
  createdAt: '2025-11-21T12:00:00.000Z',
};
const challenge: LocalChallenge = {
  pool: 'staff',
  sub: 'sub-2',
  email: 'eva@atrium.example',
  groups: ['admin'],
  codeHash: 'hash',
  attempts: 1,
  expiresAt: 1_764_000_600,
};
const linkCode: LocalLinkCode = {
  codes: [
    { hash: 'h1', expiresAt: 1_764_086_400 },
    { hash: 'h2', expiresAt: 1_764_090_000 },
  ],
  attempts: 2,
  expiresAt: 1_764_090_000,
  nonce: 'n-1',
};
const refreshToken: LocalRefreshToken = { pool: 'customer', email: user.email, issuedAtMs: 1_764_000_000_123, expiresAt: 1_766_592_000 };
const lockout: Lockout = { failures: 7, lockedUntil: 1_764_000_120, expiresAt: 1_764_086_400 };
const rateWindow: RateWindow = { uses: 3, expiresAt: 1_764_003_600 };
const signIn: StoredSignIn = {
  at: '2025-11-21T12:00:00.000Z',
  sourceIp: '192.0.2.1',
  method: 'order-number',
  userAgent: 'Firefox',
  expiresAt: 1_795_536_000,
};
const codeMail: CodeMail = { nextAt: 1_764_000_030, windowStart: 1_764_000_000, sent: 2, version: 5, expiresAt: 1_764_003_600 };

function keyOf(item: Item) {
  return { PK: item.PK, SK: item.SK, type: item.type };
}

describe('authentication and local identity items', () => {
  it('reads every entity back as it was written, without keys or type', () => {
    // Prepare
    const items = {
      user: localUserItem(user),
      challenge: localChallengeItem('session-1', challenge),
      linkCode: localLinkCodeItem('customer', user.email, 'confirm', linkCode),
      refreshToken: localRefreshTokenItem('token-hash', refreshToken),
      lockout: lockoutItem('customer#EMAIL#anna@nordwind.example', lockout),
      rateWindow: rateWindowItem('account-mail', 'customer#anna@nordwind.example', 1_764_000_000, rateWindow),
      signIn: signInItem(user.sub, '01JD3Q8W5M2K7Z9XG4R6T1V0AA', signIn),
      codeMail: codeMailItem('staff', 'Eva@Atrium.example', codeMail),
      staffRevocation: staffRevocationItem('sub-2', { revokedBefore: 1_764_000_000 }),
    };

    // Act
    const read = {
      user: localUserFromItem(items.user),
      challenge: localChallengeFromItem(items.challenge),
      linkCode: localLinkCodeFromItem(items.linkCode),
      refreshToken: localRefreshTokenFromItem(items.refreshToken),
      lockout: lockoutFromItem(items.lockout),
      rateWindow: rateWindowFromItem(items.rateWindow),
      signIn: signInFromItem(items.signIn),
      codeMail: codeMailFromItem(items.codeMail),
      staffRevocation: staffRevocationFromItem(items.staffRevocation),
    };

    // Assess
    expect(read).toEqual({
      user,
      challenge,
      linkCode,
      refreshToken,
      lockout,
      rateWindow,
      signIn,
      codeMail,
      staffRevocation: { revokedBefore: 1_764_000_000 },
    });
    for (const value of Object.values(read)) {
      for (const name of ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'type']) expect(value).not.toHaveProperty(name);
    }
  });

  it('writes each item under the key and type docs/data-model.md gives it', () => {
    expect(keyOf(localUserItem(user))).toEqual({ PK: 'IDP#customer#EMAIL#anna@nordwind.example', SK: 'USER', type: 'LocalUser' });
    expect(keyOf(localChallengeItem('s', challenge))).toEqual({ PK: 'IDP#CHALLENGE#s', SK: 'CHALLENGE', type: 'LocalChallenge' });
    expect(keyOf(localLinkCodeItem('staff', 'e@x.example', 'reset', linkCode))).toEqual({
      PK: 'IDP#staff#EMAIL#e@x.example',
      SK: 'CODE#reset',
      type: 'LocalLinkCode',
    });
    expect(keyOf(localRefreshTokenItem('h', refreshToken))).toEqual({ PK: 'IDP#REFRESH#h', SK: 'REFRESH', type: 'LocalRefreshToken' });
    expect(keyOf(lockoutItem('IP#192.0.2.1', lockout))).toEqual({ PK: 'LOCKOUT#IP#192.0.2.1', SK: 'LOCKOUT', type: 'Lockout' });
    expect(keyOf(rateWindowItem('code-mail', 'x', 1_764_000_000, rateWindow))).toEqual({
      PK: 'RATE#code-mail#x',
      SK: 'WINDOW#1764000000',
      type: 'RateWindow',
    });
    expect(keyOf(signInItem('u', '01JD', signIn))).toEqual({ PK: 'USER#u', SK: 'SIGNIN#01JD', type: 'SignIn' });
    // The code-mail key normalises the address, so "Eva@…" and "eva@…" share one cooldown.
    expect(keyOf(codeMailItem('staff', ' Eva@Atrium.example ', codeMail))).toEqual({
      PK: 'CODEMAIL#staff#eva@atrium.example',
      SK: 'CODEMAIL',
      type: 'CodeMail',
    });
    expect(keyOf(staffRevocationItem('u', { revokedBefore: 1 }))).toEqual({
      PK: 'USER#u',
      SK: 'STAFF#REVOCATION',
      type: 'StaffRevocation',
    });
  });

  it('refuses a local user whose status left its set, naming the entity, its key and the field', () => {
    // Prepare: an old writer's status, which no branch of the adapter knows.
    const drifted = { ...localUserItem(user), status: 'ACTIVE' };
    // Act
    const error = shapeErrorOf(() => localUserFromItem(drifted));
    // Assess
    expect(error.entity).toBe('LocalUser');
    expect(error.key).toEqual({ PK: 'IDP#customer#EMAIL#anna@nordwind.example', SK: 'USER' });
    expect(error.problems.map((problem) => problem.path)).toEqual(['status']);
    expect(error.message).toContain('A stored LocalUser item (PK IDP#customer#EMAIL#anna@nordwind.example, SK USER)');
  });

  it('refuses drifted items of every entity instead of answering undefined or text where numbers belong', () => {
    // Prepare
    const { expiresAt: _expiresAt, ...refreshWithoutExpiry } = localRefreshTokenItem('h', refreshToken);
    const { version: _version, ...codeMailWithoutVersion } = codeMailItem('customer', 'a@b.example', codeMail);
    const drifted: Array<[string, () => unknown]> = [
      ['LocalChallenge', () => localChallengeFromItem({ ...localChallengeItem('s', challenge), attempts: '1' })],
      [
        'LocalLinkCode',
        () =>
          localLinkCodeFromItem({
            ...localLinkCodeItem('customer', 'a@b.example', 'confirm', linkCode),
            codes: [{ hash: 'h', expiresAt: 'soon' }],
          }),
      ],
      ['LocalRefreshToken', () => localRefreshTokenFromItem(refreshWithoutExpiry)],
      ['Lockout', () => lockoutFromItem({ ...lockoutItem('IP#192.0.2.1', lockout), failures: '7' })],
      ['RateWindow', () => rateWindowFromItem({ uses: '3', expiresAt: 1 })],
      ['SignIn', () => signInFromItem({ ...signInItem('u', '01JD', signIn), method: 'sms' })],
      ['CodeMail', () => codeMailFromItem(codeMailWithoutVersion)],
      [
        'StaffRevocation',
        () => staffRevocationFromItem({ ...staffRevocationItem('u', { revokedBefore: 1 }), revokedBefore: '1764000000' }),
      ],
    ];
    // Act
    const errors = drifted.map(([, read]) => shapeErrorOf(read));
    // Assess
    expect(errors.map((error) => [error.entity, error.problems.map((problem) => problem.path)])).toEqual([
      ['LocalChallenge', ['attempts']],
      ['LocalLinkCode', ['codes.0.expiresAt']],
      ['LocalRefreshToken', ['expiresAt']],
      ['Lockout', ['failures']],
      ['RateWindow', ['uses']],
      ['SignIn', ['method']],
      ['CodeMail', ['version']],
      ['StaffRevocation', ['revokedBefore']],
    ]);
    expect(errors.map((error) => error.entity)).toEqual(drifted.map(([entity]) => entity));
  });

  it('reads a link code written before links were kept side by side as one with no pending codes', () => {
    // Prepare
    const { codes: _codes, ...older } = localLinkCodeItem('customer', user.email, 'confirm', linkCode);
    // Act
    const read = localLinkCodeFromItem(older);
    // Assess
    expect(read).toEqual({ codes: [], attempts: 2, expiresAt: 1_764_090_000, nonce: 'n-1' });
  });

  it('reads a sign-in record without a user agent, and a lockout under its limit without lockedUntil', () => {
    const { userAgent: _agent, ...withoutAgent } = signIn;
    expect(signInFromItem(signInItem('u', '01JD', withoutAgent))).toEqual(withoutAgent);
    expect(lockoutFromItem(lockoutItem('IP#192.0.2.1', { failures: 1, expiresAt: 2 }))).toEqual({ failures: 1, expiresAt: 2 });
  });
});
