// The contract entities: a support contract sold with a one-time activation code (by its number), the contract as
// the account that claimed it sees it, and the number's entry in the staff search partition. Owns their keys, items
// and `...FromItem` reads.

import { SLA_LEVELS, type SlaLevel } from '#shared/contracts/fields.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';

export type { SlaLevel };

export interface Contract {
  contractNumber: string;
  /** The product or service the contract covers, e.g. "Remote Access Support Premium". */
  product: string;
  sla: SlaLevel;
  startsOn: string;
  endsOn: string;
  /**
   * SHA-256 of the normalised activation code; the code itself is never stored. Absent on a contract staff assigned to
   * an account when they created it: nobody needs to claim it.
   */
  activationCodeHash?: string;
  /** When the current code was generated (creation or the last regeneration). */
  codeIssuedAt?: string;
  /** Set once, when an account claims the contract (or staff assign it at creation). */
  accountId?: string;
  claimedAt?: string;
  /** When staff created it; contracts written before the staff pages have none and stay out of the staff list. */
  createdAt?: string;
  /** The staff user who created it: their e-mail, or their id when the staff directory has no e-mail for them. */
  createdBy?: string;
}

/** The claimed contract in the account's partition: what the account's pages show, without the code's hash. */
export interface AccountContract {
  contractNumber: string;
  product: string;
  /** The contract's SLA level, copied with its term; items written before it was copied read as standard. */
  sla: SlaLevel;
  startsOn: string;
  endsOn: string;
  claimedAt: string;
  /**
   * How many assets the contract covers: kept by the asset writes in their own transactions (ADD), so the contracts
   * list shows counts without a Query per contract. Absent (0) until the first asset.
   */
  assetCount: number;
}

/** What a claim writes: a new account contract has no assets yet (the first asset's ADD creates the count). */
export type NewAccountContract = Omit<AccountContract, 'assetCount'>;

export const contractKey = keys.contract;
export const accountContractKey = keys.accountContract;
/** Sort-key prefix of an account's contracts (Query with begins_with). */
export const ACCOUNT_CONTRACT_PREFIX = SK_PREFIX.accountContract;
/** The GSI1 partition of the staff list, and the partition of the number entries. */
export const CONTRACTS_PARTITION = keys.contractsIndex('', '').GSI1PK;
export const CONTRACT_NUMBERS_PARTITION = keys.contractNumber('').PK;

const contractSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    contractNumber: z.string(),
    product: z.string(),
    // Contracts seeded or sold before SLA levels existed are standard.
    sla: z._default(z.enum(SLA_LEVELS), 'standard'),
    startsOn: z.string(),
    endsOn: z.string(),
    activationCodeHash: z.optional(z.string()),
    codeIssuedAt: z.optional(z.string()),
    accountId: z.optional(z.string()),
    claimedAt: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    createdBy: z.optional(z.string()),
  }),
);

const contractNumberEntrySchema = /* @__PURE__ */ lazySchema(() => z.object({ contractNumber: z.string() }));

const accountContractSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    contractNumber: z.string(),
    product: z.string(),
    sla: z._default(z.enum(SLA_LEVELS), 'standard'),
    startsOn: z.string(),
    endsOn: z.string(),
    claimedAt: z.string(),
    assetCount: z._default(z.number(), 0),
  }),
);

/** The contract item; with `createdAt` it is also in the staff list (GSI1, newest first). */
export function contractItem(contract: Contract): Item {
  return {
    ...contractKey(contract.contractNumber),
    ...(contract.createdAt ? keys.contractsIndex(contract.createdAt, contract.contractNumber) : {}),
    type: 'Contract',
    ...contract,
  };
}

/** The number's entry in the number-ordered partition: what a prefix search Queries (then reads the contracts). */
export function contractNumberItem(contractNumber: string): Item {
  return { ...keys.contractNumber(contractNumber), type: 'ContractNumber', contractNumber };
}

export function contractNumberFromItem(item: Item): string {
  return parseItem('ContractNumber', contractNumberEntrySchema, item).contractNumber;
}

export function contractFromItem(item: Item): Contract {
  return parseItem('Contract', contractSchema, item);
}

export function accountContractItem(accountId: string, contract: NewAccountContract | AccountContract): Item {
  return { ...accountContractKey(accountId, contract.contractNumber), type: 'AccountContract', ...contract };
}

export function accountContractFromItem(item: Item): AccountContract {
  return parseItem('AccountContract', accountContractSchema, item);
}
