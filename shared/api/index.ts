// Every route contract by area, for the route table, the OpenAPI document and (later) the web client.

export * as account from '#shared/api/account.ts';
export * as audit from '#shared/api/audit.ts';
export * as auth from '#shared/api/auth.ts';
export * as catalogue from '#shared/api/catalogue.ts';
export * as contracts from '#shared/api/contracts.ts';
export * as customerPage from '#shared/api/customer-page.ts';
export * as customers from '#shared/api/customers.ts';
export * as dashboard from '#shared/api/dashboard.ts';
export * as home from '#shared/api/home.ts';
export * as imports from '#shared/api/imports.ts';
export * as licences from '#shared/api/licences.ts';
export * as licensing from '#shared/api/licensing.ts';
export * as notifications from '#shared/api/notifications.ts';
export * as orders from '#shared/api/orders.ts';
export * as people from '#shared/api/people.ts';
export * as profile from '#shared/api/profile.ts';
export * as security from '#shared/api/security.ts';
export * as securityCode from '#shared/api/security-code.ts';
export * as staff from '#shared/api/staff.ts';
export * as support from '#shared/api/support.ts';
export * as system from '#shared/api/system.ts';
