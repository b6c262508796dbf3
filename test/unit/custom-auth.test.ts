// Sign-in with e-mail + order number as Cognito's custom auth flow: what the Define, Create and Verify triggers decide.

import { describe, expect, it, vi } from 'vitest';
import {
  type ChallengeRound,
  CODE_TTL_SECONDS,
  createAuthChallenge,
  defineAuthChallenge,
  MAX_CODE_ATTEMPTS,
  verifyAuthChallenge,
} from '#shared/identity/custom-auth.ts';

const NOW = 1_800_000_000;
const USER = { sub: 'user-1', email: 'anna@nordwind.example', locale: 'pl' };

const orderRound = (passed: boolean): ChallengeRound => ({
  challengeName: 'CUSTOM_CHALLENGE',
  challengeResult: passed,
  challengeMetadata: 'ORDER_NUMBER',
});
const codeRound = (passed: boolean, code = '123456', expiresAt = NOW + CODE_TTL_SECONDS): ChallengeRound => ({
  challengeName: 'CUSTOM_CHALLENGE',
  challengeResult: passed,
  challengeMetadata: `EMAIL_CODE:${code}:${expiresAt}`,
});

const askAgain = { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false };
const fail = { issueTokens: false, failAuthentication: true };
const signIn = { issueTokens: true, failAuthentication: false };

describe('define auth challenge', () => {
  it.each([
    ['asks for the order number first', [], askAgain],
    ['fails at once on a wrong order number', [orderRound(false)], fail],
    ['asks for the e-mailed code after the right order number', [orderRound(true)], askAgain],
    ['issues tokens for the right code', [orderRound(true), codeRound(true)], signIn],
    ['asks again after a wrong code', [orderRound(true), codeRound(false)], askAgain],
    ['issues tokens for the right code on the last try', [orderRound(true), codeRound(false), codeRound(false), codeRound(true)], signIn],
    ['fails after three wrong codes', [orderRound(true), codeRound(false), codeRound(false), codeRound(false)], fail],
    ['fails on any round that is not one of ours', [{ challengeName: 'PASSWORD_VERIFIER', challengeResult: true } as ChallengeRound], fail],
    ['fails when a code round comes first', [codeRound(true)], fail],
    [
      'fails on a round with unknown metadata',
      [orderRound(true), { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'SOMETHING' }],
      fail,
    ],
  ] as const)('%s', (_name, session, decision) => {
    expect(defineAuthChallenge({ session: [...session] })).toEqual(decision);
  });

  it('allows exactly MAX_CODE_ATTEMPTS codes, as the local adapter', () => {
    expect(MAX_CODE_ATTEMPTS).toBe(3);
  });

  it('starts an unknown e-mail like any other, and fails it where a wrong order number fails', () => {
    expect(defineAuthChallenge({ session: [], userNotFound: true })).toEqual(askAgain);
    expect(defineAuthChallenge({ session: [orderRound(false)], userNotFound: true })).toEqual(fail);
    expect(defineAuthChallenge({ session: [orderRound(true)], userNotFound: true })).toEqual(fail);
  });
});

describe('create auth challenge', () => {
  const options = (code = '654321') => ({ nowEpochSeconds: NOW, newCode: vi.fn(() => code) });

  it('asks for the order number, and mails nothing yet', () => {
    const created = createAuthChallenge({ session: [], userAttributes: USER }, options());
    expect(created).toEqual({
      response: {
        publicChallengeParameters: { step: 'ORDER_NUMBER' },
        privateChallengeParameters: { step: 'ORDER_NUMBER' },
        challengeMetadata: 'ORDER_NUMBER',
      },
    });
  });

  it('mails a new code after the right order number, in the language of the page, keeping the code out of the public parameters', () => {
    const created = createAuthChallenge(
      { session: [orderRound(true)], userAttributes: USER, clientMetadata: { locale: 'en' } },
      options('654321'),
    );
    expect(created.mail).toEqual({ to: USER.email, code: '654321', locale: 'en' });
    expect(created.response.publicChallengeParameters).toEqual({ step: 'EMAIL_CODE', destination: 'a***@nordwind.example' });
    expect(JSON.stringify(created.response.publicChallengeParameters)).not.toContain('654321');
    expect(created.response.privateChallengeParameters).toEqual({
      step: 'EMAIL_CODE',
      code: '654321',
      expiresAt: String(NOW + CODE_TTL_SECONDS),
    });
    expect(created.response.challengeMetadata).toBe(`EMAIL_CODE:654321:${NOW + CODE_TTL_SECONDS}`);
  });

  it("writes in the user's locale when the call carried none, and in English when the user has none either", () => {
    expect(createAuthChallenge({ session: [orderRound(true)], userAttributes: USER }, options()).mail?.locale).toBe('pl');
    expect(createAuthChallenge({ session: [orderRound(true)], userAttributes: { ...USER, locale: 'de' } }, options()).mail?.locale).toBe(
      'de',
    );
    expect(createAuthChallenge({ session: [orderRound(true)], userAttributes: { ...USER, locale: 'es' } }, options()).mail?.locale).toBe(
      'en',
    );
  });

  it('asks again with the same code, and the same deadline, after a wrong code, without mailing again', () => {
    const newCode = options();
    const created = createAuthChallenge(
      { session: [orderRound(true), codeRound(false, '111111', NOW + 60)], userAttributes: USER },
      newCode,
    );
    expect(created.mail).toBeUndefined();
    expect(newCode.newCode).not.toHaveBeenCalled();
    expect(created.response.privateChallengeParameters).toEqual({ step: 'EMAIL_CODE', code: '111111', expiresAt: String(NOW + 60) });
  });

  it('never mails an unknown e-mail', () => {
    const created = createAuthChallenge({ session: [orderRound(true)], userNotFound: true, userAttributes: {} }, options());
    expect(created.mail).toBeUndefined();
    expect(created.response.publicChallengeParameters).toEqual({ step: 'ORDER_NUMBER' });
  });
});

describe('verify auth challenge response', () => {
  const belongs = vi.fn(async (reference: string, userId: string) => reference === 'JWT1001' && userId === 'user-1');
  const verify = (privateChallengeParameters: Record<string, string>, challengeAnswer: string, extra: { userNotFound?: boolean } = {}) =>
    verifyAuthChallenge(
      { privateChallengeParameters, challengeAnswer, userAttributes: USER, ...extra },
      { nowEpochSeconds: NOW, orderReferenceBelongsToUser: belongs },
    );
  const code = { step: 'EMAIL_CODE', code: '123456', expiresAt: String(NOW + 60) };

  it("accepts an order number of the user's account, checked with the user's sub", async () => {
    expect(await verify({ step: 'ORDER_NUMBER' }, ' JWT1001 ')).toBe(true);
    expect(belongs).toHaveBeenLastCalledWith('JWT1001', 'user-1');
  });

  it('refuses an order number of another account, an empty one and one far too long to be a reference', async () => {
    expect(await verify({ step: 'ORDER_NUMBER' }, 'JWT9999')).toBe(false);
    belongs.mockClear();
    expect(await verify({ step: 'ORDER_NUMBER' }, '   ')).toBe(false);
    expect(await verify({ step: 'ORDER_NUMBER' }, 'J'.repeat(65))).toBe(false);
    expect(belongs).not.toHaveBeenCalled();
  });

  it('refuses everything for an unknown e-mail, without looking the order up', async () => {
    belongs.mockClear();
    expect(await verify({ step: 'ORDER_NUMBER' }, 'JWT1001', { userNotFound: true })).toBe(false);
    expect(belongs).not.toHaveBeenCalled();
  });

  it('accepts the mailed code and refuses any other', async () => {
    expect(await verify(code, '123456')).toBe(true);
    expect(await verify(code, '123457')).toBe(false);
    expect(await verify(code, '12345')).toBe(false);
    expect(await verify(code, '')).toBe(false);
  });

  it('refuses the right code once its deadline has passed', async () => {
    expect(await verify({ ...code, expiresAt: String(NOW) }, '123456')).toBe(false);
  });

  it('refuses an answer to a challenge it does not know', async () => {
    expect(await verify({ step: 'SOMETHING' }, '123456')).toBe(false);
  });
});
