// Sign-in as the portal runs it, whichever identity adapter is underneath: the first factor (a password, or the number
// of an order), then the e-mailed code; every step under the lockout, code mails under their cooldown and hourly cap
// (shared/auth/code-mail-limits.ts), and every completed sign-in recorded.

import type { PoolName } from '#shared/config.ts';
import { clearCodeMail, codeMailCooldownSeconds, reserveCodeMail } from '#shared/auth/code-mail-limits.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { firstMembership } from '#shared/accounts/membership.ts';
import { getPerson, type Person, personUpdate } from '#shared/accounts/person.ts';
import { newSignIn, recordSignIn, type SignInRecord, signInPut } from '#shared/auth/sign-ins.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';
import { logger } from '#shared/observability/logger.ts';
import { ipAllowed } from '#shared/security/ip-allow-list.ts';
import { ipNotAllowed } from '#shared/security/ip-refusal.ts';
import { noticeRefusedAddress } from '#shared/security/notices.ts';
import { identityErrors } from '#shared/identity/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { IDENTITY_ERROR_CODES, type FirstFactor, type SignedIn, type SignInChallenge } from '#shared/identity/port.ts';

export type FirstStep = { factor: 'password'; password: string } | { factor: 'order-number'; orderReference: string };

interface Who {
  pool: PoolName;
  email: string;
  sourceIp: string;
}

// The session the page holds names the first factor, so the sign-in record can say how the person signed in.
// Editing it gains nothing: the adapter's own session inside is what it checks.
const FACTOR_PREFIX: Record<FirstFactor, string> = { password: 'p.', 'order-number': 'o.' };

export interface StartedSignIn extends SignInChallenge {
  /** Seconds before "send a new code" may mail another one (the page counts down on the button). */
  resendAfterSeconds: number;
}

export async function startSignIn(who: Who & { locale: Locale }, step: FirstStep): Promise<StartedSignIn> {
  const provider = await identity();
  const challenge = await underLockout(who, async () => {
    // The code mail's slot is taken before the first factor is checked (Cognito checks it and mails in one call), and
    // given back when no code went out. A start refused here tests no secret, so the lockout needs not count it.
    const slot = await reserveCodeMail(who);
    try {
      return await (step.factor === 'password'
        ? provider.startPasswordSignIn({ ...who, password: step.password })
        : who.pool === 'customer'
          ? provider.startOrderNumberSignIn({ ...who, pool: 'customer', orderReference: step.orderReference })
          : Promise.reject(identityErrors.invalidCredentials()));
    } catch (error) {
      // An unconfirmed address got its confirmation link again instead of a code: a mail went out, so the slot stays.
      if ((error as { code?: string }).code !== IDENTITY_ERROR_CODES.notConfirmed) await slot.release();
      throw error;
    }
  });
  return { ...challenge, session: FACTOR_PREFIX[step.factor] + challenge.session, resendAfterSeconds: codeMailCooldownSeconds() };
}

export async function finishSignIn(
  who: Who & { session: string; code: string; userAgent?: string | undefined; country?: string | undefined },
): Promise<SignedIn> {
  const factor = (Object.keys(FACTOR_PREFIX) as FirstFactor[]).find((name) => who.session.startsWith(FACTOR_PREFIX[name]));
  if (!factor) throw identityErrors.signInCodeMismatch();
  const provider = await identity();
  const signedIn = await underLockout(
    who,
    async () => {
      try {
        return await provider.answerEmailCode({ ...who, session: who.session.slice(FACTOR_PREFIX[factor].length) });
      } catch (error) {
        // Cognito hands out a new session after a wrong answer to a custom challenge: the page retries with it.
        const details = (error as { details?: { session?: unknown } }).details;
        if (typeof details?.session === 'string') details.session = FACTOR_PREFIX[factor] + details.session;
        throw error;
      }
    },
    { clearOnSuccess: true },
  );
  await clearCodeMail(who);
  const record = {
    sourceIp: who.sourceIp,
    method: factor,
    ...(who.userAgent ? { userAgent: who.userAgent.slice(0, 256) } : {}),
    ...(who.country ? { country: who.country } : {}),
  };
  if (who.pool === 'staff') {
    await recordSignIn(signedIn.userId, record);
    return signedIn;
  }
  // A customer's IP allow-list is checked once the person is known (after the code): one GetItem of the person.
  const person = await getPerson(signedIn.userId);
  if (!ipAllowed(person.ipAllowList, who.sourceIp)) await refuseSignIn(signedIn, person, { ...who, record });
  const signIn = newSignIn({ ...record, outcome: 'success' });
  // The history and the person's last sign-in (the dashboard shows its address) in one transaction.
  await db().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: signInPut(signedIn.userId, signIn) },
        { Update: personUpdate(signedIn.userId, { lastSignIn: { at: signIn.record.at, sourceIp: who.sourceIp } }) },
      ],
    }),
  );
  return signedIn;
}

/**
 * The right code from an address the person's allow-list does not hold: the new session is ended at once, the failure
 * recorded, the notice mailed (to the person and their first account's security recipients, at most once an hour per
 * address), then 403 IP_NOT_ALLOWED.
 */
async function refuseSignIn(
  signedIn: SignedIn,
  person: Person,
  who: Who & { record: Omit<SignInRecord, 'at' | 'device'> },
): Promise<never> {
  const provider = await identity();
  await provider
    .signOut({ pool: 'customer', refreshToken: signedIn.refreshToken })
    .catch((error: unknown) => logger.warn('could not revoke a refused sign-in', { error: error as Error }));
  const [membership] = await Promise.all([
    firstMembership(signedIn.userId),
    recordSignIn(signedIn.userId, { ...who.record, outcome: 'failure', failure: 'ip-not-allowed' }),
  ]);
  await noticeRefusedAddress({
    userId: signedIn.userId,
    email: membership?.email ?? who.email,
    locale: person.locale,
    sourceIp: who.sourceIp,
    accountId: membership?.accountId,
  });
  throw ipNotAllowed(who.sourceIp);
}
