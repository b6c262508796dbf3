// An order as staff see it: the customer's view plus the account it belongs to, the e-mail it was placed for, the
// language of its e-mails and what it issued.

import type { Locale } from '#shared/i18n/locale.ts';
import {
  toOrder,
  toOrderSummary,
  type IssuedLicence,
  type Order,
  type OrderSummary,
  type StartedService,
  type StoredOrder,
} from '#shared/orders/model.ts';

export type { IssuedLicence };

export interface StaffOrderSummary extends OrderSummary {
  accountId: string;
  /** The customer e-mail the order was placed for (normalised). */
  email: string;
}

export interface StaffOrder extends Order {
  accountId: string;
  email: string;
  locale: Locale;
  issued: IssuedLicence[];
  services?: StartedService[];
}

/** The staff list's row of an order, or of a reference claim (which carries the same summary). */
export function toStaffOrderSummary(order: StaffOrderSummary): StaffOrderSummary {
  return { ...toOrderSummary(order), accountId: order.accountId, email: order.email };
}

export function toStaffOrder(stored: StoredOrder): StaffOrder {
  return {
    ...toOrder(stored),
    accountId: stored.accountId,
    email: stored.email,
    locale: stored.locale,
    issued: stored.issued,
    ...(stored.services ? { services: stored.services } : {}),
  };
}
