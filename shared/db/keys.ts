// Every key of the single table is built here; docs/data-model.md lists each entity and access pattern.

import type { PoolName } from '#shared/config.ts';

export const keys = {
  account: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'ACCOUNT' }),
  /** GSI1 partition holding every account, newest first when read backwards. */
  accountsIndex: (createdAt: string, accountId: string) => ({
    GSI1PK: 'ACCOUNTS',
    GSI1SK: `${createdAt}#${accountId}`,
  }),

  membership: (accountId: string, userId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `MEMBER#${userId}` }),
  /** GSI1 partition listing the accounts one user belongs to. */
  membershipByUser: (userId: string, accountId: string) => ({
    GSI1PK: `USER#${userId}`,
    GSI1SK: `ACCOUNT#${accountId}`,
  }),

  order: (accountId: string, orderId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ORDER#${orderId}` }),
  licence: (accountId: string, licenceId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `LICENCE#${licenceId}` }),
  supportSubscription: (accountId: string, subscriptionId: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `SUPPORT#${subscriptionId}`,
  }),

  /** An address SES reported as a permanent bounce or a complaint: Atrium does not mail it again. */
  mailSuppression: (email: string) => ({ PK: `MAIL#SUPPRESSED#${email}`, SK: 'SUPPRESSION' }),

  /** Local identity adapter: one user of one pool, addressed by normalised e-mail. */
  localUser: (pool: PoolName, email: string) => ({ PK: `IDP#${pool}#EMAIL#${email}`, SK: 'USER' }),
  /** Local identity adapter: a pending sign-in waiting for its e-mailed code. */
  localChallenge: (sessionId: string) => ({ PK: `IDP#CHALLENGE#${sessionId}`, SK: 'CHALLENGE' }),
} as const;

/** Sort-key prefixes for Query with begins_with inside an account's partition. */
export const SK_PREFIX = {
  member: 'MEMBER#',
  order: 'ORDER#',
  licence: 'LICENCE#',
  supportSubscription: 'SUPPORT#',
} as const;

export function accountPartition(accountId: string): string {
  return `ACCOUNT#${accountId}`;
}
