// The support contracts an account has claimed (at sign-up, with the contract's activation code), as the customer sees them.

import { ACCOUNT_CONTRACT_PREFIX, accountContractFromItem } from '#shared/contracts/contract.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { supportStatus, type SupportStatus } from '#shared/support/model.ts';

/** An account rarely holds more than a few contracts; one bounded Query reads them (the contracts page will page them). */
export const MAX_ACCOUNT_CONTRACTS = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A claimed contract as the customer sees it, with its status computed when read. */
export interface ContractSummary {
  contractNumber: string;
  product: string;
  /** First and last day of the term, as dates (YYYY-MM-DD); the last day is included. */
  startsOn: string;
  endsOn: string;
  /** Not started yet, or as a support subscription: active, expiring within 30 days, expired. */
  status: 'upcoming' | SupportStatus;
}

/** Computed when read, like a subscription's: the term runs from the start of `startsOn` to the end of `endsOn` (UTC). */
export function contractStatus(startsOn: string, endsOn: string, now: Date): ContractSummary['status'] {
  if (now.getTime() < Date.parse(`${startsOn}T00:00:00Z`)) return 'upcoming';
  return supportStatus(new Date(Date.parse(`${endsOn}T00:00:00Z`) + DAY_MS).toISOString(), now);
}

function toContractSummary(item: Record<string, unknown>, now: Date): ContractSummary {
  const { contractNumber, product, startsOn, endsOn } = accountContractFromItem(item);
  return { contractNumber, product, startsOn, endsOn, status: contractStatus(startsOn, endsOn, now) };
}

/** The account's claimed contracts in contract-number order: one Query in its own partition, at most MAX_ACCOUNT_CONTRACTS. */
export async function listAccountContracts(accountId: string, now: Date): Promise<ContractSummary[]> {
  const page = await queryPage(
    { partition: accountPartition(accountId), sortKeyPrefix: ACCOUNT_CONTRACT_PREFIX, limit: MAX_ACCOUNT_CONTRACTS },
    (item) => toContractSummary(item, now),
  );
  return page.items;
}
