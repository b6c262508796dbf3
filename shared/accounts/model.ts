// Customer accounts and the people who may act for them: the types, re-exported from their entity modules.

export type { Account } from '#shared/accounts/account.ts';
export type { Membership } from '#shared/accounts/membership.ts';
