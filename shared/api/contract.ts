// What a route promises, declared once: method, path, who may call it, the request's path/query/body schemas and the
// success response. The handler, the route table, the OpenAPI document and the generated tests all read it. Contract
// modules import only zod and other pure schema modules, so the web can import them without server code.

import type { StaffGroup } from '#shared/accounts/groups.ts';
import type * as z from '#shared/validation.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Schema = z.ZodMiniType;

/**
 * Who may call: anyone, a signed-in customer (customer pool), or a signed-in staff user (staff pool) who is in at least
 * one of the named staff groups. The shared handler enforces the groups; the API Gateway authorizer the pool.
 */
export type RouteAccess = { pool: 'public' } | { pool: 'customer' } | { pool: 'staff'; groups: readonly [StaffGroup, ...StaffGroup[]] };

export const anyone = { pool: 'public' } as const satisfies RouteAccess;
export const customer = { pool: 'customer' } as const satisfies RouteAccess;
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

export interface Contract<R extends RequestSchemas = RequestSchemas, S extends ResponseSpec = ResponseSpec> {
  method: Method;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: string;
  /** One line for the API documentation. */
  summary: string;
  access: RouteAccess;
  request: R;
  response: S;
}

/** Declares a contract; `const` keeps the literal schemas so handlers get their exact parsed types. */
export function contract<const R extends RequestSchemas, const S extends ResponseSpec>(declared: Contract<R, S>): Contract<R, S> {
  return declared;
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
