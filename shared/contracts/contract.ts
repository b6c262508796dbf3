// The contract entities: a support contract sold with a one-time activation code (by its number), and the contract as
// the account that claimed it sees it. Owns their keys, items and `...FromItem` reads.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import * as z from '#shared/validation.ts';

export interface Contract {
  contractNumber: string;
  product: string;
  startsOn: string;
  endsOn: string;
  /** SHA-256 of the normalised activation code; the code itself is never stored. */
  activationCodeHash: string;
  /** Set once, when an account claims the contract. */
  accountId?: string;
  claimedAt?: string;
}

/** The claimed contract in the account's partition: what the account's pages show, without the code's hash. */
export interface AccountContract {
  contractNumber: string;
  product: string;
  startsOn: string;
  endsOn: string;
  claimedAt: string;
}

export const contractKey = keys.contract;
export const accountContractKey = keys.accountContract;
/** Sort-key prefix of an account's contracts (Query with begins_with). */
export const ACCOUNT_CONTRACT_PREFIX = SK_PREFIX.accountContract;

const contractSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    contractNumber: z.string(),
    product: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    activationCodeHash: z.string(),
    accountId: z.optional(z.string()),
    claimedAt: z.optional(z.string()),
  }),
);

const accountContractSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    contractNumber: z.string(),
    product: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    claimedAt: z.string(),
  }),
);

export function contractItem(contract: Contract): Item {
  return { ...contractKey(contract.contractNumber), type: 'Contract', ...contract };
}

export function contractFromItem(item: Item): Contract {
  return parseItem('Contract', contractSchema, item);
}

export function accountContractItem(accountId: string, contract: AccountContract): Item {
  return { ...accountContractKey(accountId, contract.contractNumber), type: 'AccountContract', ...contract };
}

export function accountContractFromItem(item: Item): AccountContract {
  return parseItem('AccountContract', accountContractSchema, item);
}
