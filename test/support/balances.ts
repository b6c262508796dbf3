// An account's balance for tests that pay from it (renewals, auto-renew): a top-up written as the ledger writes one,
// and the balance read back in one currency.

import { randomUUID } from 'node:crypto';
import { readBalances } from '#shared/billing/balance.ts';
import { balanceChange } from '#shared/billing/ledger.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db } from '#shared/db/client.ts';

/** Adds `amountMinor` to the account's balance in `currency` (PLN unless told), as a top-up. */
export async function giveBalance(accountId: string, amountMinor: number, currency = 'PLN'): Promise<void> {
  const { items } = balanceChange({
    accountId,
    currency,
    amountMinor,
    kind: 'top-up',
    source: { kind: 'payment', id: `test-${randomUUID()}`, label: 'Test top-up' },
    at: new Date(),
  });
  await db().send(new TransactWriteCommand({ TransactItems: items }));
}

/** The account's balance in `currency` (PLN unless told), in minor units; 0 when it has none. */
export async function testBalance(accountId: string, currency = 'PLN'): Promise<number> {
  return (await readBalances(accountId)).balances.find((balance) => balance.currency === currency)?.amountMinor ?? 0;
}
