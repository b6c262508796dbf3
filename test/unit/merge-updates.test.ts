// The account item changes once per transaction: a balance change and the purchase summary merged into one Update.

import { describe, expect, it } from 'vitest';
import { accountPurchaseUpdate } from '#shared/accounts/account.ts';
import { balanceChange } from '#shared/billing/ledger.ts';
import { mergeUpdates } from '#shared/shop/order-payments.ts';
import { useUnitConfig } from '../support/unit-config.ts';

useUnitConfig();

describe('mergeUpdates', () => {
  it('joins SET and ADD clauses, ANDs the conditions and keeps every value', () => {
    // Prepare
    const debit = balanceChange({
      accountId: 'acc-1',
      currency: 'EUR',
      amountMinor: -500,
      kind: 'payment',
      source: { kind: 'order', id: 'o-1' },
      at: new Date('2026-11-30T00:00:00Z'),
    }).items[1];
    const purchase = accountPurchaseUpdate('unit-table', 'acc-1', {
      licencesAdded: 2,
      lastOrder: { reference: 'JWT1', orderedAt: '2026-11-30' },
    });
    // Act
    const merged = mergeUpdates(debit, purchase).Update!;
    // Assess
    expect(merged.Key).toEqual({ PK: 'ACCOUNT#acc-1', SK: 'ACCOUNT' });
    expect(merged.UpdateExpression).toBe(
      'SET #balance = if_not_exists(#balance, :zero) + :amount, lastOrder = :lastOrder ADD licenceCount :added',
    );
    expect(merged.ConditionExpression).toBe('(attribute_exists(PK) AND #balance >= :needed) AND (attribute_exists(PK))');
    expect(merged.ExpressionAttributeValues).toEqual({
      ':zero': 0,
      ':amount': -500,
      ':needed': 500,
      ':added': 2,
      ':lastOrder': { reference: 'JWT1', orderedAt: '2026-11-30' },
    });
    expect(merged.ExpressionAttributeNames).toEqual({ '#balance': 'balanceEUR' });
  });

  it('refuses one placeholder with two values', () => {
    const one = { Update: { TableName: 't', Key: {}, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': 1 } } };
    const two = { Update: { TableName: 't', Key: {}, UpdateExpression: 'SET b = :v', ExpressionAttributeValues: { ':v': 2 } } };
    expect(() => mergeUpdates(one, two)).toThrow(/:v clashes/);
  });
});
