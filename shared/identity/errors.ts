// The errors an identity adapter raises, built in one place so both adapters say exactly the same thing.

import { AppError, NotFoundError, TooManyRequestsError, UnauthorizedError } from '#shared/http/errors.ts';
import { IDENTITY_ERROR_CODES as CODES } from '#shared/identity/port.ts';

export const identityErrors = {
  invalidCredentials: () => new UnauthorizedError('The e-mail or password is not right.', CODES.invalidCredentials),
  invalidOrderCredentials: () => new UnauthorizedError('The e-mail or order number is not right.', CODES.invalidCredentials),
  signInCodeMismatch: (details?: Record<string, unknown>) =>
    new AppError(401, CODES.codeMismatch, 'The code is not right or has expired. Check the newest e-mail, or sign in again.', details),
  linkCodeMismatch: () =>
    new AppError(400, CODES.codeMismatch, 'This link is not valid any more. Ask for a new e-mail and use the newest link.'),
  linkCodeExpired: () => new AppError(400, CODES.codeExpired, 'This link has expired. Ask for a new e-mail.'),
  notConfirmed: () => new AppError(403, CODES.notConfirmed, 'Confirm your e-mail address first: we have sent the confirmation link again.'),
  passwordResetRequired: () =>
    new AppError(403, CODES.passwordResetRequired, 'Set a new password before you sign in: use "Forgot password".'),
  weakPassword: (problems: string[] = []) =>
    new AppError(
      400,
      CODES.weakPassword,
      'Choose a longer or more varied password: at least 12 characters with lower- and upper-case letters, a digit and a symbol.',
      problems.length ? { missing: problems } : undefined,
    ),
  alreadyRegistered: () => new AppError(409, CODES.alreadyRegistered, 'This e-mail address already has an account.'),
  tooManyRequests: (retryAfterSeconds?: number) =>
    new TooManyRequestsError('Too many attempts. Wait a few minutes and try again.', retryAfterSeconds),
  /** Staff administration of a user the pool does not have (404). */
  userNotFound: () => new NotFoundError('There is no such user.'),
  emailTaken: () => new AppError(409, CODES.emailTaken, 'Another account already signs in with this e-mail address.'),
  emailChangeCodeMismatch: () =>
    new AppError(400, CODES.codeMismatch, 'The code is not right or no longer valid. Check the newest e-mail, or ask for a new code.'),
  emailChangeCodeExpired: () => new AppError(400, CODES.codeExpired, 'The code has expired. Ask for a new one.'),
  sessionExpired: () => new UnauthorizedError('Your session has ended. Sign in again.', CODES.sessionExpired),
} as const;
