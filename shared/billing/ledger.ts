// The balance ledger: an append-only list of entries per account and currency (top-ups, payments from the balance,
// refunds, overpayments, staff adjustments), and the running balance on the account item (`balance<CUR>`, e.g.
// `balanceEUR`, minor units). The two change only together: `balanceChange` gives the transaction items of one entry and
// its balance update, and the caller writes them in the same TransactWriteItems as whatever caused them. A debit is
// conditional on the balance covering it, so the balance never goes negative (docs/data-model.md "Balance").

import type { TransactItem } from '#shared/audit/audit.ts';
import { tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';
import { type LineNote, lineNoteSchema } from '#shared/orders/fields.ts';
import * as z from '#shared/validation.ts';

export const LEDGER_ENTRY_KINDS = ['top-up', 'payment', 'refund', 'overpayment', 'adjustment'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** What caused an entry: the order it paid or was paid by, the refund, the payment, the staff adjustment. */
export interface LedgerSource {
  kind: 'order' | 'refund' | 'payment' | 'adjustment';
  id: string;
  /** What the customer recognises it by: an order reference, an invoice number. */
  label?: string;
}

export interface LedgerEntry {
  entryId: string;
  accountId: string;
  currency: string;
  /** Signed minor units: a credit is positive, a debit negative. */
  amountMinor: number;
  kind: LedgerEntryKind;
  source: LedgerSource;
  /** A note the customer sees (a staff adjustment's reason). */
  memo?: string;
  /** The memo as facts, rendered in the reader's language (a cancellation's refund); older entries have the memo only. */
  note?: LineNote;
  at: string;
}

export const ledgerEntryKey = keys.ledgerEntry;

/** The account item's attribute holding the balance in one currency. */
export function balanceAttribute(currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Not a currency code: ${currency}`);
  return `balance${currency}`;
}

/** The balances an account item holds, by currency (a currency never credited has none: read as 0). */
export function balancesOf(accountItem: Item): Record<string, number> {
  const balances: Record<string, number> = {};
  for (const [name, value] of Object.entries(accountItem)) {
    const match = /^balance([A-Z]{3})$/.exec(name);
    if (match && typeof value === 'number') balances[match[1]!] = value;
  }
  return balances;
}

const entrySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    entryId: z.string(),
    accountId: z.string(),
    currency: z.string(),
    amountMinor: z.number().check(z.int()),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    source: z.object({ kind: z.enum(['order', 'refund', 'payment', 'adjustment']), id: z.string(), label: z.optional(z.string()) }),
    memo: z.optional(z.string()),
    note: z.optional(lineNoteSchema()),
    at: z.string(),
  }),
);

export function ledgerEntryItem(entry: LedgerEntry): Item {
  return { ...ledgerEntryKey(entry.accountId, entry.currency, entry.entryId), type: 'LedgerEntry', ...entry };
}

export function ledgerEntryFromItem(item: Item): LedgerEntry {
  return parseItem('LedgerEntry', entrySchema, item);
}

export interface BalanceChange {
  accountId: string;
  currency: string;
  /** Signed minor units, never 0. */
  amountMinor: number;
  kind: LedgerEntryKind;
  source: LedgerSource;
  memo?: string;
  note?: LineNote;
  at: Date;
}

/**
 * The two transaction items of one balance change: the ledger entry (a new item, never overwritten) and the update of
 * the account's running balance. A debit's update is conditional on the balance covering it: when it does not, the
 * transaction is cancelled with ConditionalCheckFailed at `balanceUpdateIndex` (1 here; add the offset where the items
 * sit in the caller's transaction) and nothing is written.
 */
export function balanceChange(change: BalanceChange): { entry: LedgerEntry; items: [TransactItem, TransactItem] } {
  if (!Number.isSafeInteger(change.amountMinor) || change.amountMinor === 0) {
    throw new RangeError(`A balance change is a whole, non-zero number of minor units, not ${change.amountMinor}`);
  }
  const entry: LedgerEntry = {
    entryId: newId(change.at),
    accountId: change.accountId,
    currency: change.currency,
    amountMinor: change.amountMinor,
    kind: change.kind,
    source: change.source,
    ...(change.memo ? { memo: change.memo } : {}),
    ...(change.note ? { note: change.note } : {}),
    at: change.at.toISOString(),
  };
  const debit = change.amountMinor < 0;
  const TableName = tableName();
  return {
    entry,
    items: [
      { Put: { TableName, Item: ledgerEntryItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
      {
        Update: {
          TableName,
          Key: keys.account(change.accountId),
          UpdateExpression: 'SET #balance = if_not_exists(#balance, :zero) + :amount',
          ConditionExpression: debit ? 'attribute_exists(PK) AND #balance >= :needed' : 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#balance': balanceAttribute(change.currency) },
          ExpressionAttributeValues: { ':zero': 0, ':amount': change.amountMinor, ...(debit ? { ':needed': -change.amountMinor } : {}) },
        },
      },
    ],
  };
}

/** Where the balance update sits among `balanceChange`'s items. */
export const BALANCE_UPDATE_INDEX = 1;
