// The support contracts an account has claimed (at sign-up, with the contract's activation code), as the customer sees them.

import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { supportStatus, type SupportStatus } from '#shared/support/model.ts';

/** An account rarely holds more than a few contracts; one bounded Query reads them (the contracts page will page them). */
export const MAX_ACCOUNT_CONTRACTS = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AccountContract {
  contractNumber: string;
  product: string;
  /** First and last day of the term, as dates (YYYY-MM-DD); the last day is included. */
  startsOn: string;
  endsOn: string;
  /** Not started yet, or as a support subscription: active, expiring within 30 days, expired. */
  status: 'upcoming' | SupportStatus;
}

/** Computed when read, like a subscription's: the term runs from the start of `startsOn` to the end of `endsOn` (UTC). */
export function contractStatus(startsOn: string, endsOn: string, now: Date): AccountContract['status'] {
  if (now.getTime() < Date.parse(`${startsOn}T00:00:00Z`)) return 'upcoming';
  return supportStatus(new Date(Date.parse(`${endsOn}T00:00:00Z`) + DAY_MS).toISOString(), now);
}

function toAccountContract(item: Record<string, unknown>, now: Date): AccountContract {
  const text = (name: string) => (typeof item[name] === 'string' ? item[name] : '');
  const startsOn = text('startsOn');
  const endsOn = text('endsOn');
  return { contractNumber: text('contractNumber'), product: text('product'), startsOn, endsOn, status: contractStatus(startsOn, endsOn, now) };
}

/** The account's claimed contracts in contract-number order: one Query in its own partition, at most MAX_ACCOUNT_CONTRACTS. */
export async function listAccountContracts(accountId: string, now: Date): Promise<AccountContract[]> {
  const page = await queryPage(
    { partition: accountPartition(accountId), sortKeyPrefix: SK_PREFIX.contract, limit: MAX_ACCOUNT_CONTRACTS },
    (item) => toAccountContract(item, now),
  );
  return page.items;
}
