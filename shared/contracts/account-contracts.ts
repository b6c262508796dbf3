// The support contracts an account has claimed (at sign-up, with the contract's activation code), as the customer sees them.

import {
  ACCOUNT_CONTRACT_PREFIX,
  type AccountContract,
  accountContractFromItem,
  accountContractKey,
  type SlaLevel,
} from '#shared/contracts/contract.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { type Page, queryPage } from '#shared/db/page.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { MAX_PAGE_SIZE } from '#shared/paging.ts';
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

// --- The contracts page (issue #13) -----------------------------------------------------------------------------------

/** A contract on the customer's contracts page: the summary, its SLA level, when it was claimed and its asset count. */
export interface AccountContractView extends ContractSummary {
  sla: SlaLevel;
  claimedAt: string;
  assetCount: number;
}

export function toAccountContractView(contract: AccountContract, now: Date): AccountContractView {
  const { contractNumber, product, sla, startsOn, endsOn, claimedAt, assetCount } = contract;
  return { contractNumber, product, sla, startsOn, endsOn, claimedAt, assetCount, status: contractStatus(startsOn, endsOn, now) };
}

/** One page of the account's contracts in number order: one Query in its partition. */
export function pageAccountContracts(
  accountId: string,
  page: { limit?: number; cursor?: string },
  now: Date,
): Promise<Page<AccountContractView>> {
  return queryPage({ partition: accountPartition(accountId), sortKeyPrefix: ACCOUNT_CONTRACT_PREFIX, ...page }, (item) =>
    toAccountContractView(accountContractFromItem(item), now),
  );
}

/** The account's own copy of a contract, or 404 (another account's number is simply not in this partition). One GetItem. */
export async function getAccountContract(accountId: string, contractNumber: string): Promise<AccountContract> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: accountContractKey(accountId, contractNumber) }));
  if (!found.Item) throw new NotFoundError('No such contract on this account.');
  return accountContractFromItem(found.Item);
}

/**
 * The numbers of the account's contracts under active support (active or expiring), for the ticket picker: one bounded
 * Query (an account holds a few contracts; MAX_ACCOUNT_CONTRACTS is far above what any has).
 */
export async function contractsUnderActiveSupport(accountId: string, now: Date): Promise<Set<string>> {
  const page = await queryPage(
    { partition: accountPartition(accountId), sortKeyPrefix: ACCOUNT_CONTRACT_PREFIX, limit: MAX_PAGE_SIZE },
    (item) => toAccountContractView(accountContractFromItem(item), now),
  );
  return new Set(page.items.filter((c) => c.status === 'active' || c.status === 'expiring').map((c) => c.contractNumber));
}
