// Sign-in as the portal runs it, whichever identity adapter is underneath: the first factor (a password, or the number
// of an order), then the e-mailed code; every step under the lockout, and every completed sign-in recorded.

import type { PoolName } from '#shared/config.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { recordSignIn } from '#shared/auth/sign-ins.ts';
import { identityErrors } from '#shared/identity/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import type { FirstFactor, SignedIn, SignInChallenge } from '#shared/identity/port.ts';

export type FirstStep =
  | { factor: 'password'; password: string }
  | { factor: 'order-number'; orderReference: string };

interface Who {
  pool: PoolName;
  email: string;
  sourceIp: string;
}

// The session the page holds names the first factor, so the sign-in record can say how the person signed in.
// Editing it gains nothing: the adapter's own session inside is what it checks.
const FACTOR_PREFIX: Record<FirstFactor, string> = { password: 'p.', 'order-number': 'o.' };

export async function startSignIn(who: Who & { locale: Locale }, step: FirstStep): Promise<SignInChallenge> {
  const provider = await identity();
  const challenge = await underLockout(who, () =>
    step.factor === 'password'
      ? provider.startPasswordSignIn({ ...who, password: step.password })
      : who.pool === 'customer'
        ? provider.startOrderNumberSignIn({ ...who, pool: 'customer', orderReference: step.orderReference })
        : Promise.reject(identityErrors.invalidCredentials()),
  );
  return { ...challenge, session: FACTOR_PREFIX[step.factor] + challenge.session };
}

export async function finishSignIn(who: Who & { session: string; code: string; userAgent?: string }): Promise<SignedIn> {
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
  await recordSignIn(signedIn.userId, {
    sourceIp: who.sourceIp,
    method: factor,
    ...(who.userAgent ? { userAgent: who.userAgent.slice(0, 256) } : {}),
  });
  return signedIn;
}
