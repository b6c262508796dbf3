// Staff refund a paid order to the customer's balance (whole or in part), once per order: through refundToBalance, with
// a correction invoice when the order has a VAT invoice. A shop order must be paid (or fulfilled); an order staff placed
// is paid when written. A top-up is never refunded to the balance it already credited.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { getInvoice } from '#shared/billing/invoice.ts';
import { getRefund, remainingGross, type RefundResult, refundToBalance } from '#shared/billing/refunds.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { orderFromItem, orderKey } from '#shared/orders/model.ts';
import { now } from '#shared/time.ts';

export interface OrderRefundInput {
  accountId: string;
  orderId: string;
  /** Default: all the order still bills (its invoice's remaining gross, else its total). */
  amountMinor?: number;
  reason: string;
}

/** The refund record's key of an order. */
export function orderRefundSource(orderId: string): string {
  return `order#${orderId}`;
}

export async function refundOrder(input: OrderRefundInput, audit: AuditTrail): Promise<RefundResult> {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: orderKey(input.accountId, input.orderId), ConsistentRead: true }),
  );
  if (!found.Item) throw new NotFoundError('The order was not found.');
  const order = orderFromItem(found.Item);
  const shop = order.shop;
  if (shop && (shop.purpose === 'top-up' || (shop.status !== 'paid' && shop.status !== 'fulfilled'))) {
    throw new ConflictError(
      shop.purpose === 'top-up'
        ? 'A balance top-up is not refunded to the balance.'
        : `The order is ${shop.status}: only a paid order is refunded.`,
      'ORDER_NOT_REFUNDABLE',
    );
  }
  const invoice = shop?.invoice ? await getInvoice(input.accountId, shop.invoice.invoiceId, true) : undefined;
  // A retry after the refund landed: the first refund's answer (or 409 ALREADY_REFUNDED for another amount). Read after
  // the invoice, so a refund that corrected the invoice before that read is seen here.
  const earlier = await getRefund(orderRefundSource(order.orderId));
  const refundable = invoice ? await remainingGross(invoice) : order.total.amountMinor;
  const amountMinor = input.amountMinor ?? earlier?.requestedMinor ?? refundable;
  if (!earlier && (amountMinor > refundable || refundable <= 0)) {
    throw new ConflictError(`At most ${refundable} ${order.total.currency} of this order can be refunded.`, 'REFUND_TOO_LARGE', {
      remainingMinor: refundable,
      currency: order.total.currency,
    });
  }
  const result = await refundToBalance({
    accountId: input.accountId,
    sourceKey: orderRefundSource(order.orderId),
    label: order.reference,
    amountMinor,
    currency: order.total.currency,
    reason: input.reason,
    ...(invoice ? { correction: { invoiceId: invoice.invoiceId } } : {}),
    at: now(),
    write: (items) =>
      audit.commit({
        target: { kind: 'order', id: order.orderId, accountId: input.accountId, label: order.reference },
        changes: [{ field: 'refundedMinor', after: amountMinor }],
        items,
      }),
  });
  if (result.replayed) audit.replayed();
  return result;
}
