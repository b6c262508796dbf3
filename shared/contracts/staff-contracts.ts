// Staff: support contracts in the back office. List them newest first, find them by a number prefix or by account, read
// one, create one (for an account, or unassigned with a one-time activation code), regenerate its code and edit its
// term, SLA level and product. Every write goes through the route's `audit.commit`, which adds the audit entry to the
// same transaction (the contract's audit declaration); the use cases never write on their own.

import { contractSearchItems } from '#shared/search/search-entry.ts';
import type { BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { getAccount } from '#shared/accounts/account.ts';
import { type AuditTrail, changesBetween, type TransactItem } from '#shared/audit/audit.ts';
import { contractStatus, type ContractSummary } from '#shared/contracts/account-contracts.ts';
import { hashActivationCode, newActivationCode } from '#shared/contracts/activation.ts';
import {
  ACCOUNT_CONTRACT_PREFIX,
  accountContractFromItem,
  accountContractItem,
  accountContractKey,
  CONTRACT_NUMBERS_PARTITION,
  CONTRACTS_PARTITION,
  contractFromItem,
  contractItem,
  contractKey,
  contractNumberFromItem,
  contractNumberItem,
  type Contract,
} from '#shared/contracts/contract.ts';
import { termIsOrdered, type SlaLevel } from '#shared/contracts/fields.ts';
import { BatchGetCommand, GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';

/** Writes the items and the audit entry in one transaction: the handler passes its route's `audit.commit`. */
export type Commit = AuditTrail['commit'];

/** A contract as staff see it: its stored fields (never the code's hash) with its term status computed when read. */
export interface StaffContract {
  contractNumber: string;
  product: string;
  sla: SlaLevel;
  startsOn: string;
  endsOn: string;
  status: ContractSummary['status'];
  /** Claimed by an account at sign-up, or assigned to it at creation. */
  claimed: boolean;
  accountId?: string;
  claimedAt?: string;
  /** An unclaimed contract has a code; this says when the current one was generated. */
  codeIssuedAt?: string;
  createdAt?: string;
  createdBy?: string;
}

export interface StaffContractDetail extends StaffContract {
  account?: { accountId: string; name: string };
}

export function toStaffContract(contract: Contract, now: Date): StaffContract {
  const { activationCodeHash: _hash, ...fields } = contract;
  return { ...fields, status: contractStatus(contract.startsOn, contract.endsOn, now), claimed: contract.accountId !== undefined };
}

const notFound = () => new NotFoundError('The contract was not found.');

function termError(): ValidationError {
  return new ValidationError('The contract cannot end before it starts.', [
    { path: 'body.endsOn', message: 'The end date is before the start date.' },
  ]);
}

async function readContract(contractNumber: string): Promise<Contract | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: contractKey(contractNumber), ConsistentRead: true }));
  return found.Item ? contractFromItem(found.Item) : undefined;
}

/** The contracts with these numbers, in the order given (a number whose contract is gone is left out): one BatchGet. */
async function readContracts(numbers: string[]): Promise<Contract[]> {
  if (numbers.length === 0) return [];
  const found = new Map<string, Contract>();
  let keys: Record<string, unknown>[] | undefined = numbers.map((number) => contractKey(number));
  // UnprocessedKeys only under throttling: retry them a bounded number of times, then answer without them.
  for (let attempt = 0; keys && keys.length > 0 && attempt < 3; attempt += 1) {
    const result: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
    for (const item of result.Responses?.[tableName()] ?? []) {
      const contract = contractFromItem(item);
      found.set(contract.contractNumber, contract);
    }
    keys = result.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return numbers.flatMap((number) => found.get(number) ?? []);
}

export interface ContractListQuery {
  /** A number prefix, normalised (upper case). */
  q?: string;
  accountId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The staff list: every contract newest first (one GSI1 Query); or those whose number starts with `q` (one Query of
 * the number partition, then one BatchGet); or an account's (one Query of its partition, narrowed by `q`, then one
 * BatchGet). Paginated by the Query's cursor.
 */
export async function listContracts(query: ContractListQuery, now: Date): Promise<Page<StaffContract>> {
  const page = { limit: query.limit, cursor: query.cursor };
  if (query.accountId === undefined && query.q === undefined) {
    return queryPage({ index: 'GSI1', partition: CONTRACTS_PARTITION, newestFirst: true, ...page }, (item) =>
      toStaffContract(contractFromItem(item), now),
    );
  }
  const numbers =
    query.accountId !== undefined
      ? await queryPage(
          { partition: accountPartition(query.accountId), sortKeyPrefix: `${ACCOUNT_CONTRACT_PREFIX}${query.q ?? ''}`, ...page },
          (item) => accountContractFromItem(item).contractNumber,
        )
      : await queryPage({ partition: CONTRACT_NUMBERS_PARTITION, sortKeyPrefix: query.q, ...page }, contractNumberFromItem);
  const contracts = await readContracts(numbers.items);
  return {
    items: contracts.map((contract) => toStaffContract(contract, now)),
    ...(numbers.nextCursor ? { nextCursor: numbers.nextCursor } : {}),
  };
}

/** One contract with the name of its account, if it has one: two keyed reads. */
export async function getStaffContract(contractNumber: string, now: Date): Promise<StaffContractDetail> {
  const contract = await readContract(contractNumber);
  if (!contract) throw notFound();
  const account = contract.accountId ? await getAccount(contract.accountId) : undefined;
  return {
    ...toStaffContract(contract, now),
    ...(account ? { account: { accountId: account.accountId, name: account.name } } : {}),
  };
}

export interface NewContract {
  contractNumber: string;
  product: string;
  sla: SlaLevel;
  startsOn: string;
  endsOn: string;
  /** Assign it to this account now: no code is generated, the account has the contract at once. */
  accountId?: string;
}

export interface CreatedContract {
  contract: StaffContractDetail;
  /** Only for an unassigned contract, and only in this answer: the table keeps its hash. */
  activationCode?: string;
}

function conditionFailed(error: unknown, indexes: number[]): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return indexes.some((index) => reasons[index]?.Code === 'ConditionalCheckFailed');
}

/** The fields the audit entry compares; never the code or its hash. */
const AUDITED_FIELDS = ['product', 'sla', 'startsOn', 'endsOn', 'accountId'] as const satisfies readonly (keyof Contract)[];

/**
 * Creates a contract. Its number is unique: the contract and its number entry are conditional puts in one
 * transaction, so a taken number (even in a race) is a 409. Unassigned, it gets a new activation code, answered once;
 * for an account, the account's contract item is written in the same transaction instead.
 */
export async function createContract(input: NewContract, createdBy: string, now: Date, commit: Commit): Promise<CreatedContract> {
  if (!termIsOrdered(input.startsOn, input.endsOn)) throw termError();
  const account = input.accountId !== undefined ? await getAccount(input.accountId) : undefined;
  if (input.accountId !== undefined && !account) throw new NotFoundError('The account was not found.');
  const createdAt = now.toISOString();
  const activationCode = account ? undefined : newActivationCode();
  const contract: Contract = {
    contractNumber: input.contractNumber,
    product: input.product,
    sla: input.sla,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    ...(activationCode ? { activationCodeHash: hashActivationCode(activationCode), codeIssuedAt: createdAt } : {}),
    ...(account ? { accountId: account.accountId, claimedAt: createdAt } : {}),
    createdAt,
    createdBy,
  };
  const table = tableName();
  const items: TransactItem[] = [
    { Put: { TableName: table, Item: contractItem(contract), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: table, Item: contractNumberItem(contract.contractNumber), ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
  if (account) {
    const { contractNumber, product, sla, startsOn, endsOn } = contract;
    items.push({
      Put: {
        TableName: table,
        Item: accountContractItem(account.accountId, { contractNumber, product, sla, startsOn, endsOn, claimedAt: createdAt }),
      },
    });
    // Customer search finds the account by this contract number from now on (shared/search/).
    items.push(...contractSearchItems(account.accountId, contract).map((Item) => ({ Put: { TableName: table, Item } })));
  }
  try {
    await commit({
      target: {
        kind: 'contract',
        id: contract.contractNumber,
        label: contract.product,
        ...(account ? { accountId: account.accountId } : {}),
      },
      changes: changesBetween(undefined, contract, AUDITED_FIELDS),
      items,
    });
  } catch (error) {
    if (conditionFailed(error, [0, 1])) {
      throw new ConflictError(`Contract ${contract.contractNumber} already exists.`, 'CONTRACT_NUMBER_TAKEN');
    }
    throw error;
  }
  return {
    contract: { ...toStaffContract(contract, now), ...(account ? { account: { accountId: account.accountId, name: account.name } } : {}) },
    ...(activationCode ? { activationCode } : {}),
  };
}

const claimedError = () =>
  new ConflictError(
    'This contract is already claimed by an account: its activation code is no longer used and cannot be regenerated.',
    'CONTRACT_CLAIMED',
  );

/**
 * Gives an unclaimed contract a new activation code (the old one stops working at once) and answers it once. A claimed
 * contract has no use for a code: 409. The audit records that the code was regenerated, never the code.
 */
export async function regenerateActivationCode(
  contractNumber: string,
  now: Date,
  commit: Commit,
): Promise<{ contractNumber: string; activationCode: string; codeIssuedAt: string }> {
  const contract = await readContract(contractNumber);
  if (!contract) throw notFound();
  if (contract.accountId !== undefined) throw claimedError();
  const activationCode = newActivationCode();
  const codeIssuedAt = now.toISOString();
  try {
    await commit({
      target: { kind: 'contract', id: contractNumber, label: contract.product },
      changes: [{ field: 'activationCode', after: 'regenerated' }],
      items: [
        {
          Update: {
            TableName: tableName(),
            Key: contractKey(contractNumber),
            UpdateExpression: 'SET activationCodeHash = :hash, codeIssuedAt = :now',
            // Claimed since it was read: the claim wins.
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(accountId)',
            ExpressionAttributeValues: { ':hash': hashActivationCode(activationCode), ':now': codeIssuedAt },
          },
        },
      ],
    });
  } catch (error) {
    if (conditionFailed(error, [0])) throw claimedError();
    throw error;
  }
  return { contractNumber, activationCode, codeIssuedAt };
}

export interface ContractEdit {
  product?: string;
  sla?: SlaLevel;
  startsOn?: string;
  endsOn?: string;
}

/**
 * Edits a contract's term, SLA level or product. A claimed contract's copy in the account (what the customer sees) is
 * updated in the same transaction. The write is conditional on the claim being as it was read, so a claim racing the
 * edit makes it a 409 (try again) rather than leave the account's copy stale.
 */
export async function updateContract(contractNumber: string, edit: ContractEdit, now: Date, commit: Commit): Promise<StaffContractDetail> {
  const before = await readContract(contractNumber);
  if (!before) throw notFound();
  const after: Contract = { ...before, ...edit };
  if (!termIsOrdered(after.startsOn, after.endsOn)) throw termError();
  const table = tableName();
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table,
        Key: contractKey(contractNumber),
        UpdateExpression: 'SET product = :product, sla = :sla, startsOn = :startsOn, endsOn = :endsOn',
        ConditionExpression:
          before.accountId === undefined ? 'attribute_exists(PK) AND attribute_not_exists(accountId)' : 'accountId = :account',
        ExpressionAttributeValues: {
          ':product': after.product,
          ':sla': after.sla,
          ':startsOn': after.startsOn,
          ':endsOn': after.endsOn,
          ...(before.accountId === undefined ? {} : { ':account': before.accountId }),
        },
      },
    },
  ];
  if (before.accountId !== undefined) {
    items.push({
      Update: {
        TableName: table,
        Key: accountContractKey(before.accountId, contractNumber),
        UpdateExpression: 'SET product = :product, sla = :sla, startsOn = :startsOn, endsOn = :endsOn',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':product': after.product, ':sla': after.sla, ':startsOn': after.startsOn, ':endsOn': after.endsOn },
      },
    });
  }
  try {
    await commit({
      target: { kind: 'contract', id: contractNumber, label: after.product, ...(before.accountId ? { accountId: before.accountId } : {}) },
      changes: changesBetween(before, after, AUDITED_FIELDS),
      items,
    });
  } catch (error) {
    if (conditionFailed(error, [0, 1])) {
      throw new ConflictError('The contract changed while you edited it. Reload it and try again.', 'CONTRACT_CHANGED');
    }
    throw error;
  }
  const account = before.accountId ? await getAccount(before.accountId) : undefined;
  return { ...toStaffContract(after, now), ...(account ? { account: { accountId: account.accountId, name: account.name } } : {}) };
}
