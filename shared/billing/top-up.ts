// The customer tops up their balance by bank transfer: a top-up order (purpose `top-up`, one line "Balance top-up"),
// its reference and reference claim, and a proforma with the bank-transfer data, in one transaction with the page's
// idempotency record (a double click makes one top-up). The order waits for the money like any shop order; when staff
// record its payment, the payments' applyOrderPayment credits the amount received to the balance (kind `top-up`).
//
// Tax: a top-up is a deposit, not a sale. Its proforma carries the buyer's tax treatment at rate 0 and no VAT; VAT is
// invoiced when the balance is spent on an order (that order's VAT invoice), so it is never charged twice.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { assertMayPay } from '#shared/accounts/verification.ts';
import { buyerTaxRule, invoiceBuyer, invoiceDraft } from '#shared/billing/invoice.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import { failedConditions, transactWithRetry } from '#shared/billing/transact.ts';
import { config } from '#shared/config.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { newId } from '#shared/ids.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { money } from '#shared/money.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { logger } from '#shared/observability/logger.ts';
import { type Order, orderFromItem, orderItem, orderKey, type ShopOrderState, type StoredOrder } from '#shared/orders/model.ts';
import { orderReferenceItem } from '#shared/orders/order-reference-claim.ts';
import { nextOrderReference } from '#shared/orders/order-reference.ts';
import { orderSearchItems } from '#shared/search/search-entry.ts';
import { now } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** The top-up's single line (an order line needs a SKU: this one is never in the catalogue). */
export const TOP_UP_SKU = 'BALANCE-TOP-UP';

export interface TopUpInput {
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

export interface TopUp {
  order: StoredOrder;
  /** True when this answers a retry with the same key: nothing new was written or mailed. */
  replayed: boolean;
}

const recordSchema = /* @__PURE__ */ lazySchema(() => z.object({ orderId: z.string(), amountMinor: z.number(), currency: z.string() }));

const DAY_MS = 24 * 60 * 60 * 1000;

async function readOrder(accountId: string, orderId: string): Promise<StoredOrder> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId), ConsistentRead: true }));
  if (!found.Item) throw new NotFoundError('The top-up order was not found.');
  return orderFromItem(found.Item);
}

/** The top-up this key made, or a 409 when the key was used for another amount; undefined for a new key. */
async function replay(accountId: string, input: TopUpInput): Promise<TopUp | undefined> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.topUpKey(accountId, input.idempotencyKey), ConsistentRead: true }),
  );
  if (!found.Item) return undefined;
  const record = parseItem('TopUpRecord', recordSchema, found.Item);
  if (record.amountMinor !== input.amountMinor || record.currency !== input.currency) {
    throw new ConflictError('This idempotency key was already used for another top-up.', 'IDEMPOTENCY_KEY_REUSED');
  }
  return { order: await readOrder(accountId, record.orderId), replayed: true };
}

export async function createTopUp(customer: CustomerCaller, input: TopUpInput): Promise<TopUp> {
  const earlier = await replay(customer.accountId, input);
  if (earlier) return earlier;
  const account = await getAccount(customer.accountId, true);
  if (!account) throw new NotFoundError('The account was not found.');
  assertMayPay(account);
  const buyer = invoiceBuyer(account);
  const rule = buyerTaxRule(buyer);
  const reference = await nextOrderReference();
  const TableName = tableName();

  let built: { order: StoredOrder; proforma: string };
  try {
    built = await transactWithRetry(async () => {
      const at = now();
      const total = money(input.amountMinor, input.currency);
      const expiresAt = new Date(at.getTime() + billingSettings().orderExpiryDays * DAY_MS);
      const order: Order = {
        orderId: newId(at),
        reference,
        orderedAt: at.toISOString(),
        total,
        lines: [{ product: 'Balance top-up', sku: TOP_UP_SKU, edition: '', users: 0, quantity: 1, unitPrice: total, subtotal: total }],
        contact: {
          name: [customer.person.firstName, customer.person.lastName].filter(Boolean).join(' ') || account.name,
          email: customer.email,
          country: buyer.country,
          city: buyer.address.city,
        },
      };
      const proforma = await invoiceDraft({
        kind: 'proforma',
        accountId: account.accountId,
        at,
        buyer,
        currency: input.currency,
        lines: [{ description: 'Balance top-up', sku: TOP_UP_SKU, quantity: 1, unitNetMinor: input.amountMinor }],
        tax: { treatment: rule.treatment, rateBasisPoints: 0 },
        dueAt: expiresAt,
        order: { orderId: order.orderId, reference },
      });
      const shop: ShopOrderState = {
        status: 'awaiting-payment',
        purpose: 'top-up',
        paymentMethod: 'bank-transfer',
        tax: { treatment: rule.treatment, rateBasisPoints: 0, netMinor: input.amountMinor, vatMinor: 0 },
        paidMinor: 0,
        balanceUsedMinor: 0,
        expiresAt: expiresAt.toISOString(),
        billing: buyer,
        proforma: { invoiceId: proforma.invoice.invoiceId, number: proforma.invoice.number },
        version: 1,
      };
      const item = orderItem({ accountId: account.accountId, order, locale: customer.person.locale ?? 'en', issued: [], shop });
      return {
        result: { order: orderFromItem(item), proforma: proforma.invoice.number },
        // The proforma's number lost to another invoice (the counter and the number claim fail): build again.
        retryOnConditionAt: [proforma.counterIndex, proforma.numberClaimIndex],
        items: [
          ...proforma.items,
          {
            Put: {
              TableName,
              Item: {
                ...keys.topUpKey(account.accountId, input.idempotencyKey),
                type: 'TopUpRecord',
                orderId: order.orderId,
                amountMinor: input.amountMinor,
                currency: input.currency,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName, Item: orderReferenceItem(account.accountId, order), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...orderSearchItems(account.accountId, order).map((Item) => ({ Put: { TableName, Item } })),
        ],
      };
    });
  } catch (error) {
    // Index 3: the idempotency record: a racing request with the same key made the top-up.
    if (failedConditions(error).has(3)) {
      const first = await replay(customer.accountId, input);
      if (first) return first;
    }
    throw error;
  }
  await mailTopUp(built.order, built.proforma);
  return { order: built.order, replayed: false };
}

export function topUpMail(to: string, order: StoredOrder, proforma: string, locale: Locale): Mail {
  const texts = shopMailMessages(locale).topUpOrdered;
  const bank = billingSettings().bank;
  return withFooter(locale, {
    to,
    subject: texts.subject(order.reference),
    text: texts.text({
      reference: order.reference,
      amount: formatMoney(order.total, locale),
      holder: bank.holder,
      bankName: bank.bankName,
      iban: bank.iban,
      swift: bank.swift,
      dueOn: formatDay(order.shop?.expiresAt ?? order.orderedAt, locale),
      proforma,
      link: `${config().portalUrl}/orders/${order.orderId}`,
    }),
  });
}

/** The order stands whatever happens to the mail; the page shows the same transfer data. */
async function mailTopUp(order: StoredOrder, proforma: string): Promise<void> {
  try {
    await mailAccount(
      order.accountId,
      'orders',
      (recipient) => topUpMail(recipient.email, order, proforma, recipient.locale),
      order.locale,
    );
  } catch (error) {
    logger.error('top-up: the order mail could not be sent', { error: error as Error, orderId: order.orderId });
  }
}
