// Staff adjust a customer's balance from the customer page: a credit or a debit with a memo the customer reads and a
// reason the audit keeps. The idempotency claim, the ledger entry, the balance and the audit entry are one transaction:
// a retry or a double click with the same key applies once (and answers the first adjustment), a debit the balance
// does not cover is refused whole (409 INSUFFICIENT_BALANCE), and the balance never goes below 0.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { type CurrencyBalance, readAccountItem, balancesFromAccountItem } from '#shared/billing/balance.ts';
import { BALANCE_UPDATE_INDEX, balanceChange, type LedgerEntry, ledgerEntryFromItem } from '#shared/billing/ledger.ts';
import { checkLowBalance } from '#shared/billing/low-balance.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { ConflictError } from '#shared/http/errors.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

export interface AdjustmentInput {
  accountId: string;
  amountMinor: number;
  currency: string;
  memo: string;
  idempotencyKey: string;
}

export interface Adjustment {
  entry: LedgerEntry;
  balance: CurrencyBalance;
  /** True when this answers a retry of an adjustment already applied. */
  replayed: boolean;
}

/** The claim's index in the transaction; the ledger items follow it. */
const CLAIM_INDEX = 0;

const claimSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ fingerprint: z.string(), entryId: z.string(), currency: z.string(), at: z.string() }),
);

function fingerprintOf(input: AdjustmentInput): string {
  return JSON.stringify([input.amountMinor, input.currency, input.memo]);
}

export class InsufficientBalanceError extends ConflictError {
  constructor(currency: string) {
    super(`The ${currency} balance does not cover this debit: a balance never goes below 0.`, 'INSUFFICIENT_BALANCE');
  }
}

async function balanceNow(accountId: string, currency: string): Promise<CurrencyBalance> {
  const balances = balancesFromAccountItem(await readAccountItem(accountId, true)).balances;
  return balances.find((balance) => balance.currency === currency) ?? { currency, amountMinor: 0 };
}

/** The adjustment a key already applied, or a 409 when the key was used for another one. */
async function replay(input: AdjustmentInput): Promise<Adjustment> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.balanceAdjustment(input.accountId, input.idempotencyKey), ConsistentRead: true }),
  );
  const claim = parseItem('BalanceAdjustmentClaim', claimSchema, found.Item ?? {});
  if (claim.fingerprint !== fingerprintOf(input)) {
    throw new ConflictError('This idempotency key was already used for another adjustment.', 'IDEMPOTENCY_KEY_REUSED');
  }
  const entryItem = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.ledgerEntry(input.accountId, claim.currency, claim.entryId), ConsistentRead: true }),
  );
  return { entry: ledgerEntryFromItem(entryItem.Item ?? {}), balance: await balanceNow(input.accountId, input.currency), replayed: true };
}

export async function adjustBalance(input: AdjustmentInput, audit: AuditTrail): Promise<Adjustment> {
  // The account must exist (404 otherwise) before anything is claimed.
  await readAccountItem(input.accountId);
  const TableName = tableName();
  let entry: LedgerEntry;
  try {
    entry = await transactWithRetry(
      async () => {
        const at = now();
        const change = balanceChange({
          accountId: input.accountId,
          currency: input.currency,
          amountMinor: input.amountMinor,
          kind: 'adjustment',
          source: { kind: 'adjustment', id: input.idempotencyKey },
          memo: input.memo,
          at,
        });
        return {
          result: change.entry,
          retryOnConditionAt: [],
          items: [
            {
              Put: {
                TableName,
                Item: {
                  ...keys.balanceAdjustment(input.accountId, input.idempotencyKey),
                  type: 'BalanceAdjustmentClaim',
                  fingerprint: fingerprintOf(input),
                  entryId: change.entry.entryId,
                  currency: input.currency,
                  at: at.toISOString(),
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...change.items,
          ],
        };
      },
      (items) =>
        audit.commit({
          target: { kind: 'balance', id: `${input.accountId}#${input.currency}`, accountId: input.accountId, label: input.currency },
          changes: [
            { field: 'amountMinor', after: input.amountMinor },
            { field: 'memo', after: input.memo },
          ],
          items,
        }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.has(CLAIM_INDEX)) {
      const first = await replay(input);
      audit.replayed();
      return first;
    }
    if (failed.has(CLAIM_INDEX + 1 + BALANCE_UPDATE_INDEX)) throw new InsufficientBalanceError(input.currency);
    throw error;
  }
  await checkLowBalance(input.accountId, input.currency);
  return { entry, balance: await balanceNow(input.accountId, input.currency), replayed: false };
}
