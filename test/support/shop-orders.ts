// Shop orders awaiting payment, as the checkout leaves them (the order, its reference claim and its proforma in one
// transaction), for the payment, fulfilment and expiry tests. Written straight to the table: these tests are about what
// happens to an order once it exists, not about checking out.

import { getAccount } from '#shared/accounts/account.ts';
import { buyerTaxRule, invoiceBuyer, invoiceDraft } from '#shared/billing/invoice.ts';
import { taxLines } from '#shared/billing/tax.ts';
import { transactWithRetry } from '#shared/billing/transact.ts';
import { readCatalogue, sellableSkus } from '#shared/catalogue/read.ts';
import { tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { money } from '#shared/money.ts';
import { orderFromItem, orderItem, type Order, type ShopOrderState, type StoredOrder } from '#shared/orders/model.ts';
import { orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { nextOrderReference } from '#shared/orders/order-reference.ts';
import { priceLines } from '#shared/orders/pricing.ts';

export interface AwaitingOrderInput {
  accountId: string;
  email: string;
  lines?: Array<{ sku: string; quantity: number }>;
  currency?: string;
  /** A balance top-up of this many minor units instead of catalogue lines. */
  topUpMinor?: number;
  expiresAt?: Date;
}

export async function putAwaitingOrder(input: AwaitingOrderInput): Promise<StoredOrder> {
  const currency = input.currency ?? 'EUR';
  const account = await getAccount(input.accountId, true);
  if (!account) throw new Error(`No account ${input.accountId}`);
  const buyer = invoiceBuyer(account);
  const topUp = input.topUpMinor !== undefined;
  const rule = topUp ? { ...buyerTaxRule(buyer), rateBasisPoints: 0 } : buyerTaxRule(buyer);
  const priced = topUp
    ? []
    : priceLines(input.lines ?? [{ sku: 'RA-ENT-5-S1Y', quantity: 1 }], currency, sellableSkus(await readCatalogue()));
  const lines = topUp
    ? [
        {
          product: 'Balance top-up',
          sku: 'TOP-UP',
          edition: '-',
          users: 0,
          quantity: 1,
          unitPrice: money(input.topUpMinor!, currency),
          subtotal: money(input.topUpMinor!, currency),
        },
      ]
    : priced.map(({ line }) => line);
  const taxed = taxLines(
    lines.map((line) => line.subtotal.amountMinor),
    rule,
  );
  const at = new Date();
  const expiresAt = input.expiresAt ?? new Date(at.getTime() + 14 * 86_400_000);
  const orderId = newId(at);
  const reference = await nextOrderReference();
  const order: Order = {
    orderId,
    reference,
    orderedAt: at.toISOString(),
    total: money(taxed.totals.grossMinor, currency),
    lines,
    contact: { name: account.name, email: input.email, country: account.country ?? 'PL', city: 'Kraków' },
  };
  const TableName = tableName();
  return transactWithRetry(async () => {
    const proforma = await invoiceDraft({
      kind: 'proforma',
      accountId: input.accountId,
      at,
      buyer,
      currency,
      tax: rule,
      lines: lines.map((line) => ({
        description: `${line.product} ${line.edition}`,
        sku: line.sku,
        quantity: line.quantity,
        unitNetMinor: line.unitPrice.amountMinor,
      })),
      dueAt: expiresAt,
      order: { orderId, reference },
    });
    const shop: ShopOrderState = {
      status: 'awaiting-payment',
      purpose: topUp ? 'top-up' : 'purchase',
      paymentMethod: 'bank-transfer',
      tax: {
        treatment: rule.treatment,
        rateBasisPoints: rule.rateBasisPoints,
        netMinor: taxed.totals.netMinor,
        vatMinor: taxed.totals.vatMinor,
      },
      paidMinor: 0,
      balanceUsedMinor: 0,
      expiresAt: expiresAt.toISOString(),
      billing: buyer,
      proforma: { invoiceId: proforma.invoice.invoiceId, number: proforma.invoice.number },
      version: 1,
    };
    const item = orderItem({ accountId: input.accountId, order, locale: 'en', issued: [], shop });
    return {
      items: [
        { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName, Item: orderReferenceItem(input.accountId, order), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...proforma.items,
      ],
      retryOnConditionAt: [2 + proforma.counterIndex, 2 + proforma.numberClaimIndex],
      result: orderFromItem(item),
    };
  });
}
