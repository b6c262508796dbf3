// The route table: every HTTP route of Atrium, once. CDK builds a function, route, authorizer and grant from each entry;
// the local server dispatches the very same entries to the very same handler modules.

export type Access = 'public' | 'customer' | 'staff';
export type TableAccess = 'none' | 'read' | 'read-write';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  /** API Gateway route path, `{name}` for path parameters. Always under /api. */
  path: string;
  /** Module under functions/, without extension; it exports `handler`. */
  handler: string;
  access: Access;
  table: TableAccess;
  /** Sends e-mail through SES. */
  sendsMail?: boolean;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/api/health', handler: 'system/get-health', access: 'public', table: 'none' },

  { method: 'POST', path: '/api/auth/{pool}/sign-in', handler: 'auth/start-sign-in', access: 'public', table: 'read-write', sendsMail: true },
  { method: 'POST', path: '/api/auth/{pool}/verify-code', handler: 'auth/verify-sign-in-code', access: 'public', table: 'read-write' },

  { method: 'GET', path: '/api/me', handler: 'account/get-my-account', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/licences', handler: 'licences/list-licences', access: 'customer', table: 'read' },

  { method: 'GET', path: '/api/admin/customers', handler: 'admin/list-customers', access: 'staff', table: 'read' },
];

/** A stable, CloudFormation-safe name per route or worker, e.g. `LicencesListLicences`. */
export function routeId(entry: Pick<Route, 'handler'>): string {
  return entry.handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
