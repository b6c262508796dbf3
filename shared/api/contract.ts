// What a route promises, declared once: method, path, who may call it, the request's path/query/body schemas and the
// success response. The handler, the route table, the OpenAPI document and the generated tests all read it. Contract
// modules import only zod and other pure schema modules, so the web can import them without server code.

import type { StaffGroup } from '#shared/accounts/groups.ts';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import type * as z from '#shared/validation.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Schema = z.ZodMiniType;

/**
 * Who may call: anyone, a signed-in customer (customer pool) whose role in the account they act for is one of the named
 * roles, or a signed-in staff user (staff pool) who is in at least one of the named staff groups. The API Gateway
 * authorizer checks the pool; the shared handler the groups and the roles (shared/accounts/caller.ts).
 */
export type RouteAccess =
  | { pool: 'public' }
  | { pool: 'customer'; roles: readonly [CustomerRole, ...CustomerRole[]] }
  | { pool: 'staff'; groups: readonly [StaffGroup, ...StaffGroup[]] };

export const anyone = { pool: 'public' } as const satisfies RouteAccess;
/** Any person of the account, whatever their role: their own settings, and what every role may read. */
export const customer = { pool: 'customer', roles: CUSTOMER_ROLES } as const satisfies RouteAccess;
/** The people of the account in these roles (shared/accounts/roles.ts ROLE_AREAS names the usual sets). */
export function customerRoles<const R extends readonly [CustomerRole, ...CustomerRole[]]>(roles: R) {
  return { pool: 'customer', roles } as const;
}
export function staff<const G extends readonly [StaffGroup, ...StaffGroup[]]>(...groups: G) {
  return { pool: 'staff', groups } as const;
}

export interface RequestSchemas {
  path?: Schema;
  query?: Schema;
  body?: Schema;
}

/** The success answer: a JSON body, a file download (`content-disposition: attachment`), or no body at all. */
export type ResponseSpec =
  | { kind: 'json'; status: readonly number[]; body: Schema }
  | { kind: 'file'; status: readonly number[]; contentType: string; description: string }
  | { kind: 'empty'; status: readonly number[] };

/** Which kind of thing a staff action changes: the audit entry's target. */
export const AUDIT_TARGET_KINDS = [
  'account',
  'licence',
  'order',
  'support',
  'contract',
  'staff-user',
  'catalogue',
  'import',
  'news',
  'banner',
  'ticket',
  'asset',
  // -- sla --
  'canned-reply',
  'article',
  // -- shop and billing (issue #14) --
  'payment',
  'invoice',
  'balance',
  // -- distributors (issue #15) --
  'distributor',
  // -- services over time (issue #15) --
  'subscription',
] as const;
export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];

/**
 * A staff write's audit trail, declared with its route: the action's stable name (`<target>.<verb>`, e.g.
 * `licence.free`) and whether the staff user must give a reason. The shared handler records who, when, from where and
 * the request id; the use case names the target and the changed fields, and writes them in the same transaction as
 * the change (shared/audit/audit.ts). A staff route that is not a GET must declare one (or `readOnly`): a generated
 * test holds every route in the table to it.
 */
export interface AuditDeclaration {
  action: `${AuditTargetKind}.${string}`;
  /** `required`: the body has `reason: auditReason`; `optional`: it may. */
  reason: 'required' | 'optional' | 'none';
}

export interface Contract<R extends RequestSchemas = RequestSchemas, S extends ResponseSpec = ResponseSpec> {
  method: Method;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: string;
  /** One line for the API documentation. */
  summary: string;
  access: RouteAccess;
  request: R;
  response: S;
  /** Staff writes: the audit entry every successful call leaves (see AuditDeclaration). */
  audit?: AuditDeclaration;
  /**
   * A route that is not a GET but changes nothing (e.g. an import's dry run): needs no audit entry, and a read-only
   * "view as customer" session may call it.
   */
  readOnly?: true;
  /**
   * The largest request body this route accepts, in bytes, when it needs more than the shared 64 KB (e.g. an import's
   * CSV file). Lambda's own limit (6 MB) stays the ceiling.
   */
  maxBodyBytes?: number;
}

/** Declares a contract; `const` keeps the literal schemas so handlers get their exact parsed types. */
export function contract<const C extends Contract>(declared: C): C {
  return declared;
}

/** Whether a route changes something: any method but GET, unless declared `readOnly`. */
export function isWrite(declared: Pick<Contract, 'method' | 'readOnly'>): boolean {
  return declared.method !== 'GET' && declared.readOnly !== true;
}

/** A JSON answer with this body schema, with status 200 unless others are named. */
export function json<const B extends Schema>(body: B, ...status: number[]) {
  return { kind: 'json', status: status.length ? status : [200], body } as const;
}

/** A file the browser saves, e.g. a signed `.lic` licence file. */
export function file(contentType: string, description: string) {
  return { kind: 'file', status: [200], contentType, description } as const;
}

/** No body (204), e.g. sign-out. */
export function empty() {
  return { kind: 'empty', status: [204] } as const;
}

/** The parsed request parts a handler receives, typed from the contract's schemas. */
export type ParsedRequest<R extends RequestSchemas> = {
  path: R['path'] extends Schema ? z.infer<R['path']> : Record<string, never>;
  query: R['query'] extends Schema ? z.infer<R['query']> : Record<string, never>;
  body: R['body'] extends Schema ? z.infer<R['body']> : undefined;
};

/** The JSON body type a handler must answer with, from the contract's response schema. */
export type ResponseBody<S extends ResponseSpec> = S extends { kind: 'json'; body: infer B extends Schema } ? z.input<B> : never;

/**
 * "View as customer": every customer route is mounted a second time for staff, under `/api/view-as/{viewAsAccountId}`,
 * served by the same handler. The caller is then the account's owner as seen by a staff user with a view-as session
 * (shared/accounts/view-as.ts), and any route that writes answers 403 VIEW_AS_READ_ONLY before it reads anything.
 */
export const VIEW_AS_PARAMETER = 'viewAsAccountId';

/**
 * The request header naming the account a customer acts for, when they belong to more than one (the account switch in
 * the header of the pages). customerCaller checks it against the person's memberships; without it, the first one.
 */
export const ACCOUNT_HEADER = 'x-atrium-account';

/** A customer route's path as a staff user viewing one account reaches it. */
export function viewAsPath(customerPath: string, accountId = `{${VIEW_AS_PARAMETER}}`): string {
  if (!customerPath.startsWith('/api/')) throw new Error(`Not an API path: ${customerPath}`);
  return `/api/view-as/${accountId}${customerPath.slice('/api'.length)}`;
}
