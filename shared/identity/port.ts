// The identity port: how a person proves who they are. Cognito in AWS, the local adapter on a laptop; callers cannot tell which.
//
// Every method fails with Atrium's typed errors only (shared/http/errors.ts), with the stable codes listed in
// IDENTITY_ERROR_CODES, so the pages and handlers above never see an adapter's own errors.

import type { StaffGroup } from '#shared/accounts/groups.ts';
import type { PoolName } from '#shared/config.ts';
import type { Locale } from '#shared/i18n/locale.ts';

/** The stable error codes an identity adapter may raise (besides VALIDATION_FAILED for a weak password). */
export const IDENTITY_ERROR_CODES = {
  /** Wrong e-mail, wrong password, unknown user, wrong order number: one answer for all (401). */
  invalidCredentials: 'INVALID_CREDENTIALS',
  /** The e-mailed code or link code is wrong, used or expired (401 for sign-in codes, 400 for link codes). */
  codeMismatch: 'CODE_MISMATCH',
  /** The link in a confirmation or reset e-mail has expired: ask for a new one (400). */
  codeExpired: 'CODE_EXPIRED',
  /** The e-mail address is not confirmed yet; the confirmation link was sent again (403). */
  notConfirmed: 'EMAIL_NOT_CONFIRMED',
  /** A migrated user must set a new password through "forgot password" first (403). */
  passwordResetRequired: 'PASSWORD_RESET_REQUIRED',
  /** The new password does not meet the policy (400). */
  weakPassword: 'WEAK_PASSWORD',
  /** The e-mail is already registered (409); the sign-up use case turns this into a uniform answer. */
  alreadyRegistered: 'ALREADY_REGISTERED',
  /** Too many attempts or messages for now (429). */
  tooManyRequests: 'TOO_MANY_REQUESTS',
  /** The refresh token is unknown, revoked or expired (401). */
  sessionExpired: 'SESSION_EXPIRED',
  /** A change of login e-mail to an address another user already signs in with (409). */
  emailTaken: 'EMAIL_TAKEN',
} as const;

/** How a sign-in proves the person: a password, or the number of an order they placed. */
export type FirstFactor = 'password' | 'order-number';

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

export interface SignedIn extends Tokens {
  /** Long-lived; the API keeps it in an HttpOnly cookie, never in the page. */
  refreshToken: string;
  /** The user's stable id (`sub`). */
  userId: string;
}

export interface IdentityProvider {
  /**
   * Registers a customer with an unconfirmed e-mail and mails the confirmation link.
   * Fails with ALREADY_REGISTERED when the e-mail has a user, WEAK_PASSWORD when the password is refused.
   */
  signUp(input: { pool: 'customer'; email: string; password: string; locale: Locale }): Promise<{ userId: string }>;
  /** Confirms the e-mail with the code from the link. Confirming twice is not an error. */
  confirmSignUp(input: { pool: 'customer'; email: string; code: string }): Promise<void>;
  /** Mails the confirmation link again. Unknown or already confirmed e-mails are silently ignored. */
  resendConfirmation(input: { pool: 'customer'; email: string; locale: Locale }): Promise<void>;

  /** Checks the password and e-mails a one-time code. Wrong e-mail and wrong password fail alike. */
  startPasswordSignIn(input: {
    pool: PoolName;
    email: string;
    password: string;
    locale: Locale;
    sourceIp: string;
  }): Promise<SignInChallenge>;
  /**
   * Checks that the order number belongs to the e-mail's account and e-mails a one-time code
   * (Cognito: the custom auth flow with our Define/Create/Verify challenge triggers).
   */
  startOrderNumberSignIn(input: {
    pool: 'customer';
    email: string;
    orderReference: string;
    locale: Locale;
    sourceIp: string;
  }): Promise<SignInChallenge>;
  /**
   * Whether this is the user's current password (a confirmed, enabled user), for a step that asks the signed-in person
   * to type it again (setting the phone-support security code). Wrong password and unknown e-mail both answer false;
   * throttling fails with TOO_MANY_REQUESTS. Cognito has no plain "check the password" call: its adapter starts a
   * USER_PASSWORD_AUTH sign-in and drops the e-mailed code challenge it gets for the right password.
   */
  verifyPassword(input: { pool: 'customer'; email: string; password: string }): Promise<boolean>;
  /** Trades the e-mailed code for tokens. `email` must be the one the challenge was started for. */
  answerEmailCode(input: { pool: PoolName; email: string; session: string; code: string; sourceIp: string }): Promise<SignedIn>;

  /** New access and ID tokens for a refresh token that is still valid and not revoked. */
  refresh(input: { pool: PoolName; refreshToken: string }): Promise<Tokens>;
  /**
   * Revokes the refresh token (and, in Cognito, the tokens issued from it). Unknown tokens are ignored. Returns the
   * token owner's id when the token was still valid, so the caller can refuse that user's access tokens issued so far.
   */
  signOut(input: { pool: PoolName; refreshToken: string }): Promise<{ userId: string | undefined }>;

  /**
   * Changes the signed-in user's password after checking the current one (Cognito: ChangePassword with the user's own
   * access token; the local adapter looks the user up by e-mail). A wrong current password fails with
   * INVALID_CREDENTIALS, a weak new one with WEAK_PASSWORD. Sessions are left as they are: end them with
   * signOutEverywhere.
   */
  changePassword(input: {
    pool: PoolName;
    email: string;
    accessToken: string;
    currentPassword: string;
    newPassword: string;
  }): Promise<void>;

  /** Mails a link to set a new password. Unknown e-mails get the same answer and no mail. */
  startPasswordReset(input: { pool: PoolName; email: string; locale: Locale }): Promise<void>;
  /** Sets the new password with the code from the link; the user's refresh tokens stop working. Returns the user's id. */
  finishPasswordReset(input: { pool: PoolName; email: string; code: string; newPassword: string }): Promise<{ userId: string }>;

  /**
   * Creates a confirmed customer without a usable password (staff-created orders, imports). They sign in with
   * e-mail + order number, or set a password through "forgot password". Returns the existing user's id if any (left
   * as it is). `migrated` (an import from an old portal): the local adapter marks the new user `RESET_REQUIRED`, as
   * the seed's migrated users; Cognito creates them exactly as without it, because its own `RESET_REQUIRED`
   * (AdminResetUserPassword) mails every imported user a reset code at import time. Either way no password works
   * until one is set through "forgot password", and a guess answers as for an unknown e-mail.
   */
  ensureCustomerUser(input: { email: string; locale: Locale; migrated?: boolean }): Promise<{ userId: string; created: boolean }>;
  /** The customer user with this e-mail, if there is one (any status): an accepted invitation joins them to the account. */
  findCustomerUser(input: { email: string }): Promise<{ userId: string } | undefined>;
  /**
   * Creates a confirmed customer with this password (the pool's policy applies: WEAK_PASSWORD), for someone who proved
   * the mailbox otherwise (an invitation's link). Fails with ALREADY_REGISTERED when the e-mail has a user.
   */
  createConfirmedCustomer(input: { email: string; password: string; locale: Locale }): Promise<{ userId: string }>;
  // ---- The change of a customer's login e-mail (the person's own, signed in) ---------------------------------------

  /**
   * Mails a 6-digit code to the NEW address; the login e-mail stays the old one until the code comes back (Cognito:
   * UpdateUserAttributes with the caller's access token, the pool keeping the original until verified). `email` is
   * the current address. Fails with EMAIL_TAKEN when another user signs in with `newEmail`.
   */
  startEmailChange(input: { userId: string; email: string; accessToken: string; newEmail: string; locale: Locale }): Promise<void>;
  /**
   * Switches the login e-mail to `newEmail` with the code mailed to it (Cognito: VerifyUserAttribute): from then on the
   * new address signs in and the old one does not. CODE_MISMATCH / CODE_EXPIRED (400) for a wrong or old code,
   * EMAIL_TAKEN when the address was taken meanwhile.
   */
  confirmEmailChange(input: { userId: string; email: string; accessToken: string; newEmail: string; code: string }): Promise<void>;

  /** Removes a user; used to undo a sign-up whose account could not be written. */
  deleteUser(input: { pool: PoolName; email: string }): Promise<void>;

  // ---- Staff administration (the staff pool; users are addressed by e-mail) ----------------------------------------

  /**
   * Creates a confirmed staff user in these groups without a usable password, and mails an invitation in `locale`
   * with a link to set the first password on the staff reset page (the same code as "forgot password": valid 1 hour,
   * after which "Forgot your password?" mails a new link). Fails with ALREADY_REGISTERED when the e-mail has a user.
   */
  inviteStaffUser(input: { email: string; groups: readonly StaffGroup[]; locale: Locale }): Promise<{ userId: string }>;
  /** Puts the staff user in exactly these groups. Tokens issued before keep the old groups: end the sessions too. */
  setStaffGroups(input: { email: string; groups: readonly StaffGroup[] }): Promise<void>;
  /** A disabled user cannot sign in or refresh; enabling lets them sign in again (their sessions stay ended). */
  setUserEnabled(input: { pool: PoolName; email: string; enabled: boolean }): Promise<void>;
  /** Ends every session of the user: their refresh tokens stop working (access tokens: shared/auth/revocation.ts). */
  signOutEverywhere(input: { pool: PoolName; email: string }): Promise<void>;
}
