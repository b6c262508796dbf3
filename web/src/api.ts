// The portal's only way to the API: typed calls, typed errors, and the access tokens, kept in memory only.

import type { AccountSummary } from '#shared/accounts/list-accounts.ts';
import type { Account } from '#shared/accounts/model.ts';
import type { ErrorBody, ErrorDetails } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { SignInChallenge, Tokens } from '#shared/identity/port.ts';
import type { LicenceView } from '#shared/licences/model.ts';

export type Pool = 'customer' | 'staff';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Me {
  email: string;
  account: Pick<Account, 'accountId' | 'name' | 'activationKey' | 'contactEmail'>;
}

export type { AccountSummary, LicenceView, SignInChallenge };

/** An error the API answered with (or NETWORK when it could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Never in localStorage: a token there outlives the tab and is readable by any injected script.
const sessions: Partial<Record<Pool, { token: string; expiresAt: number }>> = {};

let unauthorized: (pool: Pool) => void = () => undefined;

/** Called when a data call answers 401: the token is already forgotten, the page should ask to sign in. */
export function onUnauthorized(handler: (pool: Pool) => void): void {
  unauthorized = handler;
}

export function isSignedIn(pool: Pool): boolean {
  const session = sessions[pool];
  return session !== undefined && session.expiresAt > Date.now();
}

export function signOut(pool: Pool): void {
  delete sessions[pool];
}

interface CallOptions {
  body?: unknown;
  auth?: Pool;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

async function call<T>(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.auth) {
    const session = sessions[options.auth];
    if (!session || session.expiresAt <= Date.now()) {
      signOut(options.auth);
      unauthorized(options.auth);
      throw new ApiError(401, 'UNAUTHORIZED', 'Sign in to continue.');
    }
    headers.authorization = `Bearer ${session.token}`;
  }

  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  const url = search ? `${path}?${search}` : path;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  if (response.status === 401 && options.auth) {
    signOut(options.auth);
    unauthorized(options.auth);
  }
  const error = (payload as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details,
    error?.requestId,
  );
}

export function startSignIn(
  pool: Pool,
  input: { email: string; password: string; locale: Locale },
): Promise<SignInChallenge> {
  return call<SignInChallenge>('POST', `/api/auth/${pool}/sign-in`, { body: input });
}

/** Trades the e-mailed code for tokens and keeps the access token for later calls. */
export async function verifySignInCode(pool: Pool, input: { session: string; code: string }): Promise<void> {
  const tokens = await call<Tokens>('POST', `/api/auth/${pool}/verify-code`, { body: input });
  // A little early, so a call never leaves with a token that expires on the way.
  sessions[pool] = { token: tokens.accessToken, expiresAt: Date.now() + (tokens.expiresIn - 10) * 1000 };
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return call<Me>('GET', '/api/me', { auth: 'customer', signal });
}

export function listLicences(page: PageRequest, signal?: AbortSignal): Promise<Page<LicenceView>> {
  return call<Page<LicenceView>>('GET', '/api/licences', { auth: 'customer', query: { ...page }, signal });
}

export function listCustomers(page: PageRequest, signal?: AbortSignal): Promise<Page<AccountSummary>> {
  return call<Page<AccountSummary>>('GET', '/api/admin/customers', { auth: 'staff', query: { ...page }, signal });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
