// Invoice numbers: per series and calendar year, gap-free and monotonic (`FV/2026/000123`). The last number is a counter
// item read (strongly) before the invoice is written; the invoice's transaction sets it to the next number on condition
// that it still holds the number read. Two invoices racing for one number: one transaction wins, the other is cancelled
// and builds again with the next (shared/billing/transact.ts). A cancelled invoice transaction uses no number, so there
// are no gaps; the number claim (`INVOICENO#...`) makes a duplicate impossible even if the counter were edited by hand.

import type { TransactItem } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';

export interface ReservedNumber {
  series: string;
  year: number;
  sequence: number;
  /** As printed: `FV/2026/000123`. */
  number: string;
  /** The counter's conditional update: put it in the invoice's transaction (a lost race fails its condition). */
  counterWrite: TransactItem;
}

export function formatInvoiceNumber(series: string, year: number, sequence: number): string {
  return `${series}/${year}/${String(sequence).padStart(6, '0')}`;
}

/** The year an invoice dated `at` is numbered in (the seller's books are kept in UTC dates). */
export function invoiceYear(at: Date): number {
  return at.getUTCFullYear();
}

/** The next number of the series in the year of `at`, and the write that takes it. One consistent read. */
export async function reserveInvoiceNumber(series: string, at: Date): Promise<ReservedNumber> {
  const year = invoiceYear(at);
  const key = keys.invoiceCounter(series, year);
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  const last = typeof found.Item?.last === 'number' ? found.Item.last : 0;
  const sequence = last + 1;
  return {
    series,
    year,
    sequence,
    number: formatInvoiceNumber(series, year, sequence),
    counterWrite: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #last = :next',
        ConditionExpression: last === 0 ? 'attribute_not_exists(#last)' : '#last = :last',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: { ':next': sequence, ...(last === 0 ? {} : { ':last': last }) },
      },
    },
  };
}
