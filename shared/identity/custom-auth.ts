// Sign-in with e-mail + order number as a Cognito custom auth flow: what the Define, Create and Verify challenge
// triggers decide. Pure functions with no AWS calls, so the trigger handlers stay thin and the Cognito contract test's
// fake Cognito runs the very same decisions.
//
// The flow has two kinds of round, both CUSTOM_CHALLENGE:
//   1. ORDER_NUMBER: the answer is an order reference; Verify checks it belongs to the user. Wrong: authentication fails.
//   2. EMAIL_CODE: Create mails a six-digit code; the answer is that code. A wrong code asks again with the same code,
//      up to MAX_CODE_ATTEMPTS in all; then authentication fails.
// The code lives only in the trigger-to-trigger state Cognito keeps (privateChallengeParameters and the round's
// challengeMetadata), which never reaches the browser.
//
// Codes expire twice over: each round's Cognito session lasts the app client's auth session validity (10 minutes,
// infra/constructs/portal-user-pool.ts), and a retry gets a new session, so the code also carries its own deadline
// (CODE_TTL_SECONDS, as the local adapter) that Verify enforces.

import { timingSafeEqual } from 'node:crypto';
import { maskEmail } from '#shared/email.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';

export const CUSTOM_CHALLENGE = 'CUSTOM_CHALLENGE';

/** The public `step` parameter of each round, which the adapter reads to know where it is. */
export const CUSTOM_AUTH_STEPS = { orderNumber: 'ORDER_NUMBER', emailCode: 'EMAIL_CODE' } as const;

/** Wrong codes allowed in one sign-in, as the local adapter allows per challenge. */
export const MAX_CODE_ATTEMPTS = 3;
/** How long an e-mailed code is accepted, as the local adapter and the sign-in e-mail say. */
export const CODE_TTL_SECONDS = 10 * 60;

/** Order references are short (JWT1042); anything much longer is not one and is not looked up. */
const MAX_ORDER_REFERENCE_LENGTH = 64;

/** One finished round, as Cognito lists it in `request.session`. */
export interface ChallengeRound {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string | undefined;
}

type RoundState =
  | { step: typeof CUSTOM_AUTH_STEPS.orderNumber }
  | { step: typeof CUSTOM_AUTH_STEPS.emailCode; code: string; expiresAt: number };

/** challengeMetadata: `ORDER_NUMBER`, or `EMAIL_CODE:<code>:<expiresAt epoch seconds>`. */
function encodeRound(state: RoundState): string {
  return state.step === CUSTOM_AUTH_STEPS.orderNumber ? state.step : `${state.step}:${state.code}:${state.expiresAt}`;
}

function decodeRound(metadata: string | undefined): RoundState | undefined {
  if (metadata === CUSTOM_AUTH_STEPS.orderNumber) return { step: CUSTOM_AUTH_STEPS.orderNumber };
  const match = /^EMAIL_CODE:(\d{6}):(\d+)$/.exec(metadata ?? '');
  return match ? { step: CUSTOM_AUTH_STEPS.emailCode, code: match[1]!, expiresAt: Number(match[2]) } : undefined;
}

export interface DefineDecision {
  challengeName?: typeof CUSTOM_CHALLENGE;
  issueTokens: boolean;
  failAuthentication: boolean;
}

const askAgain: DefineDecision = { challengeName: CUSTOM_CHALLENGE, issueTokens: false, failAuthentication: false };
const fail: DefineDecision = { issueTokens: false, failAuthentication: true };
const signIn: DefineDecision = { issueTokens: true, failAuthentication: false };

/**
 * Define auth challenge: the next round, tokens, or failure, from the rounds so far. An unknown e-mail gets the
 * order-number round like anyone else (with PreventUserExistenceErrors Cognito still runs the triggers), and fails
 * at the same point as a wrong order number.
 */
export function defineAuthChallenge(request: { session: readonly ChallengeRound[]; userNotFound?: boolean | undefined }): DefineDecision {
  const rounds = request.session;
  if (rounds.length === 0) return askAgain;
  // Only our own rounds, in our order: anything else (SRP, a password step) is not this flow.
  const states = rounds.map((round) => (round.challengeName === CUSTOM_CHALLENGE ? decodeRound(round.challengeMetadata) : undefined));
  const [first, ...codeRounds] = states;
  if (first?.step !== CUSTOM_AUTH_STEPS.orderNumber || !rounds[0]!.challengeResult || request.userNotFound) return fail;
  if (codeRounds.some((state) => state?.step !== CUSTOM_AUTH_STEPS.emailCode)) return fail;
  if (codeRounds.length === 0) return askAgain;
  if (rounds.at(-1)!.challengeResult) return signIn;
  return codeRounds.length >= MAX_CODE_ATTEMPTS ? fail : askAgain;
}

export interface CreatedChallenge {
  response: {
    publicChallengeParameters: Record<string, string>;
    privateChallengeParameters: Record<string, string>;
    challengeMetadata: string;
  };
  /** Set when a new code must be mailed now; a retry reuses the code already sent. */
  mail?: { to: string; code: string; locale: Locale };
}

/** The locale the code e-mail is written in: the page's (client metadata), else the user's attribute, else English. */
export function localeOf(...candidates: Array<string | undefined>): Locale {
  for (const candidate of candidates) if (LOCALES.includes(candidate as Locale)) return candidate as Locale;
  return 'en';
}

/** Create auth challenge: the order-number round first, then the e-mailed code (new once, then the same one). */
export function createAuthChallenge(
  request: {
    session: readonly ChallengeRound[];
    userNotFound?: boolean | undefined;
    userAttributes: Record<string, string | undefined>;
    clientMetadata?: Record<string, string | undefined> | undefined;
  },
  options: { nowEpochSeconds: number; newCode: () => string },
): CreatedChallenge {
  const orderNumberPassed = request.session.some(
    (round) => round.challengeResult && decodeRound(round.challengeMetadata)?.step === CUSTOM_AUTH_STEPS.orderNumber,
  );
  const email = request.userAttributes.email;
  if (!orderNumberPassed || request.userNotFound || !email) {
    const state: RoundState = { step: CUSTOM_AUTH_STEPS.orderNumber };
    return {
      response: {
        publicChallengeParameters: { step: state.step },
        privateChallengeParameters: { step: state.step },
        challengeMetadata: encodeRound(state),
      },
    };
  }

  const previous = request.session
    .map((round) => decodeRound(round.challengeMetadata))
    .findLast((state) => state?.step === CUSTOM_AUTH_STEPS.emailCode);
  const state: RoundState =
    previous?.step === CUSTOM_AUTH_STEPS.emailCode
      ? previous
      : { step: CUSTOM_AUTH_STEPS.emailCode, code: options.newCode(), expiresAt: options.nowEpochSeconds + CODE_TTL_SECONDS };
  return {
    response: {
      publicChallengeParameters: { step: state.step, destination: maskEmail(email) },
      privateChallengeParameters: { step: state.step, code: state.code, expiresAt: String(state.expiresAt) },
      challengeMetadata: encodeRound(state),
    },
    ...(previous
      ? {}
      : { mail: { to: email, code: state.code, locale: localeOf(request.clientMetadata?.locale, request.userAttributes.locale) } }),
  };
}

/** Verify auth challenge response: the order number through the injected check, the code by constant-time compare. */
export async function verifyAuthChallenge(
  request: {
    privateChallengeParameters: Record<string, string | undefined>;
    challengeAnswer: string;
    userNotFound?: boolean | undefined;
    userAttributes: Record<string, string | undefined>;
  },
  options: { nowEpochSeconds: number; orderReferenceBelongsToUser: (reference: string, userId: string) => Promise<boolean> },
): Promise<boolean> {
  const { privateChallengeParameters: expected, challengeAnswer: answer } = request;
  if (request.userNotFound || typeof answer !== 'string') return false;

  if (expected.step === CUSTOM_AUTH_STEPS.orderNumber) {
    const reference = answer.trim();
    const userId = request.userAttributes.sub;
    if (!userId || reference.length === 0 || reference.length > MAX_ORDER_REFERENCE_LENGTH) return false;
    return options.orderReferenceBelongsToUser(reference, userId);
  }

  if (expected.step === CUSTOM_AUTH_STEPS.emailCode) {
    const code = expected.code ?? '';
    if (!/^\d{6}$/.test(code) || !(Number(expected.expiresAt) > options.nowEpochSeconds)) return false;
    const given = Buffer.from(answer.trim());
    const wanted = Buffer.from(code);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  return false;
}
