// The portal's only way to the API: typed calls, typed errors, and the access tokens, kept in memory only.

import type { AccountSummary } from '#shared/accounts/list-accounts.ts';
import type { Account } from '#shared/accounts/model.ts';
import type { ContractSummary } from '#shared/contracts/account-contracts.ts';
import type { ErrorBody, ErrorDetails } from '#shared/http/errors.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { SignInRecord } from '#shared/auth/sign-ins.ts';
import type { SignInChallenge, Tokens } from '#shared/identity/port.ts';
import type { LicenceBinding } from '#shared/licences/activations.ts';
import type { LicenceDetail } from '#shared/licences/get-licence.ts';
import type { LicenceEvent } from '#shared/licences/licence-events.ts';
import type { LicenceView } from '#shared/licences/model.ts';
import type { Order, OrderSummary } from '#shared/orders/model.ts';
import type { SortOrder } from '#shared/paging.ts';
import type { CatalogueProduct } from '#shared/catalogue/products.ts';
import type { CreatedStaffOrder, StaffOrderInput } from '#shared/orders/create-staff-order.ts';
import type { StaffOrderSummary } from '#shared/orders/staff-model.ts';
import type { StaffOrderDetail } from '#shared/orders/staff-orders.ts';
import type { SupportStatus, SupportSubscriptionView } from '#shared/support/model.ts';

export type Pool = 'customer' | 'staff';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** A page of a list in date order (newest first unless `sort` is `asc`). */
export interface SortedPageRequest extends PageRequest {
  sort?: SortOrder;
}

export interface Me {
  email: string;
  account: Pick<Account, 'accountId' | 'name' | 'activationKey' | 'contactEmail'>;
  /** The support contracts the account claimed (at sign-up, with their activation codes). */
  contracts: ContractSummary[];
}

/** A licence's computer, its remaining transfers, and a page of its audit trail, newest first. */
export type LicenceActivations = LicenceBinding & Page<LicenceEvent>;

export type { ContractSummary, LicenceBinding, LicenceEvent, SignInRecord };
export type { CatalogueProduct, CreatedStaffOrder, StaffOrderDetail, StaffOrderInput, StaffOrderSummary };
export type { AccountSummary, LicenceDetail, LicenceView, Order, OrderSummary, SignInChallenge, SortOrder, SupportStatus, SupportSubscriptionView };

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

const refreshTimers: Partial<Record<Pool, ReturnType<typeof setTimeout>>> = {};

function keepTokens(pool: Pool, tokens: Tokens): void {
  // A little early, so a call never leaves with a token that expires on the way.
  sessions[pool] = { token: tokens.accessToken, expiresAt: Date.now() + (tokens.expiresIn - 10) * 1000 };
  // Renew quietly a minute before expiry while the tab is open; the refresh token never leaves its HttpOnly cookie.
  clearTimeout(refreshTimers[pool]);
  refreshTimers[pool] = setTimeout(() => void restoreSession(pool), Math.max(tokens.expiresIn - 60, 5) * 1000);
}

function forget(pool: Pool): void {
  clearTimeout(refreshTimers[pool]);
  delete sessions[pool];
}

const restoring: Partial<Record<Pool, Promise<boolean>>> = {};

/**
 * Silent session refresh: new tokens from the refresh-token cookie (after a reload, or before expiry).
 * Concurrent callers share one request. Resolves false when there is no live session to restore.
 */
export function restoreSession(pool: Pool): Promise<boolean> {
  restoring[pool] ??= fetch(`/api/auth/${pool}/refresh`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) {
        forget(pool);
        return false;
      }
      keepTokens(pool, (await response.json()) as Tokens);
      return true;
    })
    .catch(() => false)
    .finally(() => delete restoring[pool]);
  return restoring[pool];
}

/** Forgets the tokens at once and revokes the refresh token on the server (which also drops its cookie). */
export function signOut(pool: Pool): Promise<void> {
  forget(pool);
  return fetch(`/api/auth/${pool}/sign-out`, { method: 'POST', credentials: 'same-origin' }).then(
    () => undefined,
    () => undefined,
  );
}

interface CallOptions {
  body?: unknown;
  auth?: Pool;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/**
 * One request to the API: the pool's token (restored silently when needed), one retry after a silent refresh on
 * 401, and every failure as an ApiError. Resolves with the successful response.
 */
async function request(method: 'GET' | 'POST', path: string, options: CallOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.auth) {
    if (!isSignedIn(options.auth) && !(await restoreSession(options.auth))) {
      forget(options.auth);
      unauthorized(options.auth);
      throw new ApiError(401, 'UNAUTHORIZED', 'Sign in to continue.');
    }
    headers.authorization = `Bearer ${sessions[options.auth]!.token}`;
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
  if (response.ok) return response;

  if (response.status === 401 && options.auth) {
    // The access token was refused (revoked, or the clock is off): one silent refresh, then the call once more.
    if (!retried && (await restoreSession(options.auth))) return request(method, path, options, true);
    forget(options.auth);
    unauthorized(options.auth);
  }
  const error = ((await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details,
    error?.requestId,
  );
}

async function call<T>(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<T> {
  const response = await request(method, path, options);
  return (await response.json().catch(() => undefined)) as T;
}

export function startSignIn(
  pool: Pool,
  input: { email: string; password: string; locale: Locale },
): Promise<SignInChallenge> {
  return call<SignInChallenge>('POST', `/api/auth/${pool}/sign-in`, { body: input });
}

/** Customers only: e-mail + the number of one of their orders, then the e-mailed code. */
export function startOrderSignIn(input: { email: string; orderReference: string; locale: Locale }): Promise<SignInChallenge> {
  return call<SignInChallenge>('POST', '/api/auth/customer/order-sign-in', { body: input });
}

/** Trades the e-mailed code for tokens and keeps the access token for later calls. */
export async function verifySignInCode(pool: Pool, input: { email: string; session: string; code: string }): Promise<void> {
  keepTokens(pool, await call<Tokens>('POST', `/api/auth/${pool}/verify-code`, { body: input }));
}

export function signUp(input: {
  email: string;
  password: string;
  name: string;
  locale: Locale;
  contract?: { contractNumber: string; activationCode: string };
}): Promise<{ destination: string }> {
  return call('POST', '/api/auth/customer/sign-up', { body: input });
}

export function confirmEmail(input: { email: string; code: string }): Promise<{ confirmed: true }> {
  return call('POST', '/api/auth/customer/confirm-email', { body: input });
}

export function resendConfirmation(input: { email: string; locale: Locale }): Promise<{ sent: true }> {
  return call('POST', '/api/auth/customer/resend-confirmation', { body: input });
}

export function startPasswordReset(pool: Pool, input: { email: string; locale: Locale }): Promise<{ sent: true }> {
  return call('POST', `/api/auth/${pool}/forgot-password`, { body: input });
}

export function finishPasswordReset(pool: Pool, input: { email: string; code: string; newPassword: string }): Promise<{ changed: true }> {
  return call('POST', `/api/auth/${pool}/reset-password`, { body: input });
}

export function listMySignIns(page: PageRequest, signal?: AbortSignal): Promise<Page<SignInRecord>> {
  return call<Page<SignInRecord>>('GET', '/api/me/sign-ins', { auth: 'customer', query: { ...page }, signal });
}

/**
 * Downloads a file route (a `.lic`) with the page's token: a plain link could not carry it. The browser saves the
 * file under the name the API gives in Content-Disposition.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await request('GET', path, { auth: 'customer' });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return call<Me>('GET', '/api/me', { auth: 'customer', signal });
}

export function listLicences(page: SortedPageRequest, signal?: AbortSignal): Promise<Page<LicenceView>> {
  return call<Page<LicenceView>>('GET', '/api/licences', { auth: 'customer', query: { ...page }, signal });
}

export function getLicence(licenceId: string, signal?: AbortSignal): Promise<LicenceDetail> {
  return call<LicenceDetail>('GET', `/api/licences/${encodeURIComponent(licenceId)}`, { auth: 'customer', signal });
}

export function getLicenceActivations(licenceId: string, page: PageRequest, signal?: AbortSignal): Promise<LicenceActivations> {
  return call<LicenceActivations>('GET', `/api/licences/${encodeURIComponent(licenceId)}/activations`, { auth: 'customer', query: { ...page }, signal });
}

/** Moves the licence to another computer; counts against its transfers. */
export function transferLicence(licenceId: string, toComputerId: string): Promise<LicenceBinding> {
  return call<LicenceBinding>('POST', `/api/licences/${encodeURIComponent(licenceId)}/transfer`, { auth: 'customer', body: { toComputerId } });
}

/** Frees the licence from its computer; counts against its transfers. */
export function deactivateLicence(licenceId: string): Promise<LicenceBinding> {
  return call<LicenceBinding>('POST', `/api/licences/${encodeURIComponent(licenceId)}/deactivate`, { auth: 'customer' });
}

export function listSupportSubscriptions(page: SortedPageRequest, signal?: AbortSignal): Promise<Page<SupportSubscriptionView>> {
  return call<Page<SupportSubscriptionView>>('GET', '/api/support', { auth: 'customer', query: { ...page }, signal });
}

export function listOrders(page: SortedPageRequest, signal?: AbortSignal): Promise<Page<OrderSummary>> {
  return call<Page<OrderSummary>>('GET', '/api/orders', { auth: 'customer', query: { ...page }, signal });
}

export function getOrder(orderId: string, signal?: AbortSignal): Promise<Order> {
  return call<Order>('GET', `/api/orders/${encodeURIComponent(orderId)}`, { auth: 'customer', signal });
}

export function listCustomers(page: PageRequest, signal?: AbortSignal): Promise<Page<AccountSummary>> {
  return call<Page<AccountSummary>>('GET', '/api/admin/customers', { auth: 'staff', query: { ...page }, signal });
}

/** Staff: the products an order can be placed for. */
export function listCatalogue(signal?: AbortSignal): Promise<Page<CatalogueProduct>> {
  return call<Page<CatalogueProduct>>('GET', '/api/admin/catalogue', { auth: 'staff', signal });
}

/** Staff: every order newest first, or one customer e-mail's orders, or the order with a reference. */
export function listStaffOrders(
  search: { reference?: string; email?: string },
  page: PageRequest,
  signal?: AbortSignal,
): Promise<Page<StaffOrderSummary>> {
  return call<Page<StaffOrderSummary>>('GET', '/api/admin/orders', { auth: 'staff', query: { ...search, ...page }, signal });
}

export function getStaffOrder(accountId: string, orderId: string, signal?: AbortSignal): Promise<StaffOrderDetail> {
  return call<StaffOrderDetail>('GET', `/api/admin/orders/${encodeURIComponent(accountId)}/${encodeURIComponent(orderId)}`, {
    auth: 'staff',
    signal,
  });
}

/** Staff: places an order; sending the same `idempotencyKey` again answers with the same order. */
export function createStaffOrder(input: StaffOrderInput): Promise<CreatedStaffOrder> {
  return call<CreatedStaffOrder>('POST', '/api/admin/orders', { auth: 'staff', body: input });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
