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
  /** Calls the user pools' admin API (create, delete or sign out a user), beyond the public client's calls. */
  identityAdmin?: boolean;
  /** Signs licence files or publishes their public key: reads the licence-signing secret (docs/licence-files.md). */
  signsLicences?: boolean;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/api/health', handler: 'system/get-health', access: 'public', table: 'none' },

  // Sign-in, sign-up and recovery: public by nature; each step is under the lockout or a rate limit kept in the table.
  { method: 'POST', path: '/api/auth/{pool}/sign-in', handler: 'auth/start-sign-in', access: 'public', table: 'read-write', sendsMail: true },
  { method: 'POST', path: '/api/auth/customer/order-sign-in', handler: 'auth/start-order-sign-in', access: 'public', table: 'read-write', sendsMail: true, identityAdmin: true },
  { method: 'POST', path: '/api/auth/{pool}/verify-code', handler: 'auth/verify-sign-in-code', access: 'public', table: 'read-write' },
  { method: 'POST', path: '/api/auth/{pool}/refresh', handler: 'auth/refresh-session', access: 'public', table: 'none' },
  { method: 'POST', path: '/api/auth/{pool}/sign-out', handler: 'auth/sign-out', access: 'public', table: 'read-write' },
  { method: 'POST', path: '/api/auth/customer/sign-up', handler: 'auth/sign-up', access: 'public', table: 'read-write', sendsMail: true, identityAdmin: true },
  { method: 'POST', path: '/api/auth/customer/confirm-email', handler: 'auth/confirm-email', access: 'public', table: 'read-write' },
  { method: 'POST', path: '/api/auth/customer/resend-confirmation', handler: 'auth/resend-confirmation', access: 'public', table: 'read-write' },
  { method: 'POST', path: '/api/auth/{pool}/forgot-password', handler: 'auth/start-password-reset', access: 'public', table: 'read-write' },
  { method: 'POST', path: '/api/auth/{pool}/reset-password', handler: 'auth/finish-password-reset', access: 'public', table: 'read-write', identityAdmin: true },

  { method: 'GET', path: '/api/me', handler: 'account/get-my-account', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/me/sign-ins', handler: 'account/list-my-sign-ins', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/licences', handler: 'licences/list-licences', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/licences/{licenceId}', handler: 'licences/get-licence', access: 'customer', table: 'read' },
  // Licence files, activations and the licensing API (docs/licensing-api.md). The licensing routes are public: the vendor's
  // software calls them with the account's activation key, under rate limits per key and per source address.
  { method: 'GET', path: '/api/licences/{licenceId}/file', handler: 'licences/download-licence-file', access: 'customer', table: 'read', signsLicences: true },
  { method: 'GET', path: '/api/support/{subscriptionId}/file', handler: 'support/download-support-file', access: 'customer', table: 'read', signsLicences: true },
  { method: 'GET', path: '/api/licences/{licenceId}/activations', handler: 'licences/list-licence-activations', access: 'customer', table: 'read' },
  { method: 'POST', path: '/api/licences/{licenceId}/transfer', handler: 'licences/transfer-licence', access: 'customer', table: 'read-write' },
  { method: 'POST', path: '/api/licences/{licenceId}/deactivate', handler: 'licences/deactivate-licence', access: 'customer', table: 'read-write' },
  { method: 'GET', path: '/api/licensing/public-key', handler: 'licensing/get-public-key', access: 'public', table: 'none', signsLicences: true },
  { method: 'POST', path: '/api/licensing/activate', handler: 'licensing/activate-licence', access: 'public', table: 'read-write', signsLicences: true },
  { method: 'POST', path: '/api/licensing/refresh', handler: 'licensing/refresh-licence', access: 'public', table: 'read-write', signsLicences: true },
  { method: 'GET', path: '/api/support', handler: 'support/list-support-subscriptions', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/orders', handler: 'orders/list-orders', access: 'customer', table: 'read' },
  { method: 'GET', path: '/api/orders/{orderId}', handler: 'orders/get-order', access: 'customer', table: 'read' },

  { method: 'GET', path: '/api/admin/customers', handler: 'admin/list-customers', access: 'staff', table: 'read' },
  // Staff orders: the catalogue, creating an order for a customer by e-mail (their user and account too, if new),
  // finding orders by reference or e-mail, and one order in full.
  { method: 'GET', path: '/api/admin/catalogue', handler: 'admin/list-catalogue', access: 'staff', table: 'read' },
  { method: 'POST', path: '/api/admin/orders', handler: 'admin/create-order', access: 'staff', table: 'read-write', sendsMail: true, identityAdmin: true },
  { method: 'GET', path: '/api/admin/orders', handler: 'admin/list-orders', access: 'staff', table: 'read' },
  { method: 'GET', path: '/api/admin/orders/{accountId}/{orderId}', handler: 'admin/get-order', access: 'staff', table: 'read' },
];

/** A stable, CloudFormation-safe name per route or worker, e.g. `LicencesListLicences`. */
export function routeId(entry: Pick<Route, 'handler'>): string {
  return entry.handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
