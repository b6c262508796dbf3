// Typed domain errors: each carries its HTTP status and a stable machine code, so one middleware can map them.

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  /** Set-Cookie values to send with the error, e.g. dropping a dead session cookie. */
  cookies?: string[];

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message = 'The request is not valid.', details?: ErrorDetails) {
    super(400, 'VALIDATION_FAILED', message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue.', code = 'UNAUTHORIZED') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this.', code = 'FORBIDDEN') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'NOT_FOUND', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT', details?: ErrorDetails) {
    super(409, code, message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = 'Too many attempts. Try again later.', retryAfterSeconds?: number) {
    super(429, 'TOO_MANY_REQUESTS', message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetails; requestId?: string };
}
