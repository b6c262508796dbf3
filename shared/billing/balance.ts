// The balance as people read it: the running balance per currency (the account item's `balance<CUR>`), the ledger's
// entries newest first, and the low-balance alert's threshold per currency (`lowBalanceThreshold<CUR>` on the account
// item, with `lowBalanceAlerted<CUR>` while an alert stands: shared/billing/low-balance.ts). Two reads per page at most.

import { accountKey } from '#shared/accounts/account.ts';
import { balanceAttribute, balancesOf, type LedgerEntry, ledgerEntryFromItem } from '#shared/billing/ledger.ts';
import { GetCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Item } from '#shared/db/entity.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { accountCurrency } from '#shared/shop/currency.ts';

/** The account item's attribute holding the low-balance threshold in one currency. */
export function thresholdAttribute(currency: string): string {
  return `lowBalanceThreshold${balanceAttribute(currency).slice('balance'.length)}`;
}

/** The account item's attribute set while a low-balance alert stands (the time it was mailed). */
export function alertedAttribute(currency: string): string {
  return `lowBalanceAlerted${balanceAttribute(currency).slice('balance'.length)}`;
}

export interface CurrencyBalance {
  currency: string;
  amountMinor: number;
  /** The low-balance alert's threshold, when the customer set one. */
  thresholdMinor?: number;
  /** When the balance last fell below the threshold and the alert went out (until a credit lifts it again). */
  alertedAt?: string;
}

export interface Balances {
  /** Every currency with a balance or a threshold, the account's own currency first (0 when never credited). */
  balances: CurrencyBalance[];
  /** The currency the account buys in: the default of the top-up form. */
  accountCurrency: string;
}

/** The balances and thresholds an account item holds. */
export function balancesFromAccountItem(item: Item): Balances {
  const own = accountCurrency({ country: typeof item.country === 'string' ? item.country : undefined });
  const amounts = balancesOf(item);
  const currencies = new Set<string>([own, ...Object.keys(amounts)]);
  for (const name of Object.keys(item)) {
    const match = /^lowBalanceThreshold([A-Z]{3})$/.exec(name);
    if (match) currencies.add(match[1]!);
  }
  const balances = [...currencies].map((currency): CurrencyBalance => {
    const threshold = item[thresholdAttribute(currency)];
    const alerted = item[alertedAttribute(currency)];
    return {
      currency,
      amountMinor: amounts[currency] ?? 0,
      ...(typeof threshold === 'number' ? { thresholdMinor: threshold } : {}),
      ...(typeof alerted === 'string' ? { alertedAt: alerted } : {}),
    };
  });
  return { balances, accountCurrency: own };
}

/** The account item as stored (balances and thresholds are attributes the Account entity does not carry). */
export async function readAccountItem(accountId: string, consistent = false): Promise<Item> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: accountKey(accountId), ConsistentRead: consistent }));
  if (!found.Item) throw new NotFoundError('The account was not found.');
  return found.Item;
}

export async function readBalances(accountId: string): Promise<Balances> {
  return balancesFromAccountItem(await readAccountItem(accountId, true));
}

/** One page of the ledger in one currency, newest first (pattern: Query `ACCOUNT#<id>`, SK begins `LEDGER#<CUR>#`). */
export async function ledgerPage(
  accountId: string,
  currency: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<LedgerEntry>> {
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: `${SK_PREFIX.ledger}${currency}#`,
      newestFirst: true,
      ...page,
    },
    ledgerEntryFromItem,
  );
}

/**
 * Sets (or with `null` removes) the low-balance threshold of one currency. A new threshold also drops a standing alert,
 * so the next crossing of the new threshold mails again.
 */
export async function setLowBalanceAlert(accountId: string, currency: string, thresholdMinor: number | null): Promise<CurrencyBalance> {
  const names = { '#threshold': thresholdAttribute(currency), '#alerted': alertedAttribute(currency) };
  const updated = await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: accountKey(accountId),
        UpdateExpression: thresholdMinor === null ? 'REMOVE #threshold, #alerted' : 'SET #threshold = :threshold REMOVE #alerted',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ...(thresholdMinor === null ? {} : { ExpressionAttributeValues: { ':threshold': thresholdMinor } }),
        ReturnValues: 'ALL_NEW',
      }),
    )
    .catch((error: Error) => {
      if (error.name === 'ConditionalCheckFailedException') throw new NotFoundError('The account was not found.');
      throw error;
    });
  const balance = balancesFromAccountItem(updated.Attributes ?? {}).balances.find((entry) => entry.currency === currency);
  return balance ?? { currency, amountMinor: 0 };
}
