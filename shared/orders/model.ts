// An order the customer placed (or staff placed for them), with its lines and the contact given at purchase.

import type { Money } from '#shared/money.ts';

export interface OrderLine {
  product: string;
  sku: string;
  edition: string;
  users: number;
  quantity: number;
  unitPrice: Money;
  subtotal: Money;
}

export interface Order {
  orderId: string;
  /** Unique, human-facing reference such as JWT1042. */
  reference: string;
  orderedAt: string;
  total: Money;
  lines: OrderLine[];
  contact: { name: string; email: string; country: string; city: string };
}

/** What the orders list shows of each order. */
export type OrderSummary = Pick<Order, 'orderId' | 'reference' | 'orderedAt' | 'total'>;

function moneyOf(value: unknown): Money {
  const { amountMinor, currency } = value as Money;
  return { amountMinor, currency };
}

// Items are read field by field, so keys, index attributes and the owning account never leave the API.

export function toOrderSummary(item: Record<string, unknown>): OrderSummary {
  return {
    orderId: item.orderId as string,
    reference: item.reference as string,
    orderedAt: item.orderedAt as string,
    total: moneyOf(item.total),
  };
}

export function toOrder(item: Record<string, unknown>): Order {
  const contact = item.contact as Order['contact'];
  return {
    ...toOrderSummary(item),
    lines: (item.lines as OrderLine[]).map((line) => ({
      product: line.product,
      sku: line.sku,
      edition: line.edition,
      users: line.users,
      quantity: line.quantity,
      unitPrice: moneyOf(line.unitPrice),
      subtotal: moneyOf(line.subtotal),
    })),
    contact: { name: contact.name, email: contact.email, country: contact.country, city: contact.city },
  };
}
