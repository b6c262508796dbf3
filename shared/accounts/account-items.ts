// The table items that make an account: the account itself (listed for staff newest first) and its owner's
// membership (found from the user's sign-in). Sign-up, staff-created orders and the demo seed all build them here.

import { keys } from '#shared/db/keys.ts';
import { normaliseActivationKey } from '#shared/accounts/activation-key.ts';
import type { Account, Membership } from '#shared/accounts/model.ts';

export function accountItem(account: Account): Record<string, unknown> {
  return { ...keys.account(account.accountId), ...keys.accountsIndex(account.createdAt, account.accountId), type: 'Account', ...account };
}

/**
 * The look-up item from the account's activation key to the account (the licensing API's way in). Write it with the
 * account, conditional on `attribute_not_exists(PK)` where keys are generated, so that no two accounts share a key.
 */
export function activationKeyItem(account: Pick<Account, 'accountId' | 'activationKey'>): Record<string, unknown> {
  return { ...keys.activationKey(normaliseActivationKey(account.activationKey)), type: 'ActivationKey', accountId: account.accountId };
}

export function membershipItem(membership: Membership): Record<string, unknown> {
  return {
    ...keys.membership(membership.accountId, membership.userId),
    ...keys.membershipByUser(membership.userId, membership.accountId),
    type: 'Membership',
    ...membership,
  };
}
