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
