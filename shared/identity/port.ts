// The identity port: how a person proves who they are. Cognito in AWS, the local adapter on a laptop; callers cannot tell which.

import type { PoolName } from '#shared/config.ts';
import type { Locale } from '#shared/i18n/locale.ts';

export interface SignInChallenge {
  /** Opaque; sent back with the code. */
  session: string;
  challenge: 'EMAIL_OTP';
  /** Where the code went, masked (j***@example.com). */
  destination: string;
}

export interface Tokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface IdentityProvider {
  /** Checks the password and e-mails a one-time code. Wrong e-mail and wrong password fail alike. */
  startPasswordSignIn(input: {
    pool: PoolName;
    email: string;
    password: string;
    locale: Locale;
    sourceIp: string;
  }): Promise<SignInChallenge>;
  /** Trades the e-mailed code for tokens. */
  answerEmailCode(input: { pool: PoolName; session: string; code: string; sourceIp: string }): Promise<Tokens>;
}
