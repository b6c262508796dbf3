// The portal's only way to the API: one generic, typed client over the route contracts (shared/api/), typed errors,
// and the access tokens, kept in memory only. No path, method, pool or reply type is written here: each comes from the
// route's contract, so a changed contract fails the type check of every page that calls it.

import { ACCOUNT_HEADER, type Contract, type RequestSchemas, type ResponseSpec, type Schema, viewAsPath } from '#shared/api/contract.ts';
import { chooseAccount, chosenAccount } from './chosen-account.ts';
import * as account from '#shared/api/account.ts';
import * as assets from '#shared/api/assets.ts';
import * as audit from '#shared/api/audit.ts';
import * as auth from '#shared/api/auth.ts';
import * as catalogue from '#shared/api/catalogue.ts';
import * as tickets from '#shared/api/tickets.ts';
import * as contracts from '#shared/api/contracts.ts';
import * as customerPage from '#shared/api/customer-page.ts';
import * as customers from '#shared/api/customers.ts';
import * as imports from '#shared/api/imports.ts';
import * as licences from '#shared/api/licences.ts';
import * as orders from '#shared/api/orders.ts';
import * as dashboard from '#shared/api/dashboard.ts';
import * as staff from '#shared/api/staff.ts';
import * as support from '#shared/api/support.ts';
import * as home from '#shared/api/home.ts';
import * as knowledge from '#shared/api/knowledge.ts';
import * as notifications from '#shared/api/notifications.ts';
import * as people from '#shared/api/people.ts';
import * as profile from '#shared/api/profile.ts';
import * as security from '#shared/api/security.ts';
import * as securityCode from '#shared/api/security-code.ts';
import * as ticketThread from '#shared/api/ticket-thread.ts';
import * as staffTickets from '#shared/api/staff-tickets.ts';
import * as sla from '#shared/api/sla.ts';
import * as shop from '#shared/api/shop.ts';
import * as checkout from '#shared/api/checkout.ts';
import * as invoices from '#shared/api/invoices.ts';
import * as payments from '#shared/api/payments.ts';
import * as distributors from '#shared/api/distributors.ts';
import * as balance from '#shared/api/balance.ts';
import * as subscriptions from '#shared/api/subscriptions.ts';
import * as renewals from '#shared/api/renewals.ts';
import * as planChanges from '#shared/api/plan-changes.ts';
import * as cancellations from '#shared/api/cancellations.ts';
import * as upgrades from '#shared/api/upgrades.ts';
import type { ErrorBody, ErrorDetails } from '#shared/http/errors.ts';
import type { SortOrder } from '#shared/paging.ts';
import type * as z from '#shared/validation.ts';
import { viewingAs } from './view-as.ts';

/** The route contracts the portal calls, by area (the licensing API and system routes are not the portal's). */
export const api = {
  account,
  audit,
  auth,
  catalogue,
  contracts,
  customerPage,
  customers,
  dashboard,
  imports,
  licences,
  orders,
  staff,
  support,
  // The customer's own account (issue #12).
  home,
  notifications,
  people,
  profile,
  security,
  securityCode,
  // The support desk (issue #13).
  ticketThread,
  staffTickets,
  tickets,
  assets,
  sla,
  knowledge,
  // Shop and billing (issue #14).
  shop,
  checkout,
  invoices,
  payments,
  balance,
  // Distributors and their clients (issue #15).
  distributors,
  // Services over time (issue #15).
  subscriptions,
  renewals,
  planChanges,
  cancellations,
  upgrades,
};

export type Pool = 'customer' | 'staff';

/** What a request to this route carries: path parameters, query and body, typed as the route's schemas accept them. */
type Part<S, Name extends string> = S extends Schema
  ? Record<string, never> extends z.input<S>
    ? { [K in Name]?: z.input<S> }
    : { [K in Name]: z.input<S> }
  : { [K in Name]?: never };
export type RequestOf<C extends Contract> = Part<C['request']['path'], 'path'> &
  Part<C['request']['query'], 'query'> &
  Part<C['request']['body'], 'body'> & { signal?: AbortSignal | undefined };

/** The reply's body as the route's response schema describes it. */
export type ReplyOf<C extends Contract> = C['response'] extends { kind: 'json'; body: infer B extends Schema } ? z.output<B> : undefined;

/** Contracts whose success answer is a file. */
type FileContract = Contract<RequestSchemas, Extract<ResponseSpec, { kind: 'file' }>>;

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export type Me = ReplyOf<typeof account.getMyAccount>;
export type ContractSummary = Me['contracts'][number];
export type LicenceView = ReplyOf<typeof licences.listLicences>['items'][number];
export type LicenceDetail = ReplyOf<typeof licences.getLicence>;
export type LicenceBinding = ReplyOf<typeof licences.transferLicence>;
/** A licence's computer, its remaining transfers, and a page of its audit trail, newest first. */
export type LicenceActivations = ReplyOf<typeof licences.listLicenceActivations>;
export type LicenceEvent = LicenceActivations['items'][number];
export type SupportSubscriptionView = ReplyOf<typeof support.listSupportSubscriptions>['items'][number];
export type Order = ReplyOf<typeof orders.getOrder>;
export type OrderSummary = ReplyOf<typeof orders.listOrders>['items'][number];
export type CatalogueProduct = ReplyOf<typeof orders.listCatalogue>['items'][number];
export type StaffOrderInput = z.input<typeof orders.staffOrderInput>;
export type CreatedStaffOrder = ReplyOf<typeof orders.createStaffOrder>;
/** Staff: one customer account with the first page of each section. */
export type CustomerPageData = ReplyOf<typeof customerPage.getCustomer>;
export type StaffOrderSummary = ReplyOf<typeof orders.listStaffOrders>['items'][number];
export type StaffOrderDetail = ReplyOf<typeof orders.getStaffOrder>;
export type AccountSummary = ReplyOf<typeof customers.listCustomers>['items'][number];
/** A staff search result: the account's summary and which of its keys matched. */
export type CustomerMatch = ReplyOf<typeof customers.searchCustomers>['items'][number];
export type StaffContract = ReplyOf<typeof contracts.listContracts>['items'][number];
export type StaffContractDetail = ReplyOf<typeof contracts.getContract>;
export type AuditEntry = ReplyOf<typeof audit.listAudit>['items'][number];
export type ActivityItem = ReplyOf<typeof audit.listMyActivity>['items'][number];
export type SignInChallenge = ReplyOf<typeof auth.startSignIn>;
export type StaffUser = ReplyOf<typeof staff.listStaffUsers>['items'][number];
export type SignInRecord = ReplyOf<typeof staff.listMyStaffSignIns>['items'][number];
export type { SortOrder };

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

/**
 * The staff groups in the pool's access token, read without verifying it: only to choose what the page shows (the
 * admin's sections). The API checks the token and the groups itself on every call.
 */
export function sessionGroups(pool: Pool): string[] {
  const payload = sessions[pool]?.token.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { 'cognito:groups'?: unknown };
    const groups = claims['cognito:groups'];
    return Array.isArray(groups) ? groups.map(String) : [];
  } catch {
    return [];
  }
}

/** The signed-in user's id (`sub` of the access token), read as sessionGroups reads the groups. */
export function sessionUserId(pool: Pool): string | undefined {
  const payload = sessions[pool]?.token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

const refreshTimers: Partial<Record<Pool, ReturnType<typeof setTimeout>>> = {};

function keepTokens(pool: Pool, tokens: { accessToken: string; expiresIn: number }): void {
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

/**
 * The URL of a route: the contract's path template with each `{name}` replaced by its encoded parameter, then the
 * query's defined, non-empty values.
 */
export function urlOf(contract: Pick<Contract, 'path'>, path: object = {}, query: object = {}): string {
  const values = path as Record<string, unknown>;
  const filled = contract.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new TypeError(`Missing path parameter ${name} for ${contract.path}`);
    return encodeURIComponent(String(values[name]));
  });
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${filled}?${search}` : filled;
}

/** The pool whose token a route needs, from the contract's access; none for public routes. */
function poolOf(contract: Contract): Pool | undefined {
  return contract.access.pool === 'public' ? undefined : contract.access.pool;
}

const restoring: Partial<Record<Pool, Promise<boolean>>> = {};
/** Why the last silent refresh was refused (IP_NOT_ALLOWED: the person's allow-list shuts out this address). */
const refusals: Partial<Record<Pool, string>> = {};

export function lastRefusal(pool: Pool): string | undefined {
  return refusals[pool];
}

/**
 * Silent session refresh: new tokens from the refresh-token cookie (after a reload, or before expiry).
 * Concurrent callers share one request. Resolves false when there is no live session to restore.
 */
export function restoreSession(pool: Pool): Promise<boolean> {
  restoring[pool] ??= send(auth.refreshSession, { path: { pool } })
    .then(async (response) => {
      keepTokens(pool, (await response.json()) as ReplyOf<typeof auth.refreshSession>);
      delete refusals[pool];
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError) refusals[pool] = error.code;
      // An unreachable server says nothing about the session; a refusal ends it.
      if (!(error instanceof ApiError && error.code === 'NETWORK')) forget(pool);
      return false;
    })
    .finally(() => delete restoring[pool]);
  return restoring[pool];
}

/** Forgets the tokens at once and revokes the refresh token on the server (which also drops its cookie). */
export function signOut(pool: Pool): Promise<void> {
  forget(pool);
  return send(auth.signOut, { path: { pool } }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * One request to a route: the URL from its contract, the pool's token when the contract asks for one (restored
 * silently when needed), one retry after a silent refresh on 401, and every failure as an ApiError. Resolves with
 * the successful response.
 */
async function send<C extends Contract>(contract: C, parts: RequestOf<C>, retried = false): Promise<Response> {
  const { path, query, body, signal } = parts as { path?: object; query?: object; body?: unknown; signal?: AbortSignal };
  // Viewing a customer's pages as staff: the customer routes' view-as mounts, with the staff session.
  const viewing = contract.access.pool === 'customer' ? viewingAs() : undefined;
  const pool = viewing ? 'staff' : poolOf(contract);
  const url = viewing ? viewAsPath(urlOf(contract, path, query), encodeURIComponent(viewing.accountId)) : urlOf(contract, path, query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const account = viewing || contract.access.pool !== 'customer' ? undefined : chosenAccount();
  if (account) headers[ACCOUNT_HEADER] = account;
  if (pool) {
    if (!isSignedIn(pool) && !(await restoreSession(pool))) {
      forget(pool);
      unauthorized(pool);
      throw new ApiError(401, 'UNAUTHORIZED', 'Sign in to continue.');
    }
    headers.authorization = `Bearer ${sessions[pool]!.token}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: contract.method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  if (response.ok) return response;

  if (response.status === 401 && pool) {
    // The access token was refused (revoked, or the clock is off): one silent refresh, then the call once more.
    if (!retried && (await restoreSession(pool))) return send(contract, parts, true);
    forget(pool);
    unauthorized(pool);
  }
  const error = ((await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
  if (account && error?.code === 'NOT_A_MEMBER' && !retried) {
    // The chosen account is not the person's any more (removed, or left in another tab): forget it, and ask once more
    // for the server's default account.
    chooseAccount(undefined);
    return send(contract, parts, true);
  }
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details,
    error?.requestId,
  );
}

/**
 * Calls a route: `request(api.licences.getLicence, { path: { licenceId }, signal })`. Path, query and body are typed
 * by the contract's request schemas, the answer by its response schema (not checked again here: the tests check
 * every reply against it).
 */
export async function request<C extends Contract>(contract: C, parts: RequestOf<C>): Promise<ReplyOf<C>> {
  const response = await send(contract, parts);
  if (contract.response.kind !== 'json') return undefined as ReplyOf<C>;
  return (await response.json()) as ReplyOf<C>;
}

/** Trades the e-mailed code for tokens and keeps the access token for later calls. */
export async function verifySignInCode(pool: Pool, body: RequestOf<typeof auth.verifySignInCode>['body']): Promise<void> {
  keepTokens(pool, await request(auth.verifySignInCode, { path: { pool }, body }));
}

/**
 * Downloads a file route (a `.lic`) with the page's token: a plain link could not carry it. The browser saves the
 * file under the name the API gives in Content-Disposition. Answers the `x-next-cursor` header, if any.
 */
export async function downloadFile<C extends FileContract>(
  contract: C,
  parts: RequestOf<C>,
  fallbackName: string,
): Promise<string | undefined> {
  const response = await send(contract, parts);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  // A file in parts (the mailing-list export) names the next part's cursor.
  return response.headers.get('x-next-cursor') ?? undefined;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A subscription as the services pages show it (issue #15). */
export type SubscriptionView = z.output<typeof subscriptions.subscriptionView>;
export type SubscriptionEventView = z.output<typeof subscriptions.subscriptionEventView>;
