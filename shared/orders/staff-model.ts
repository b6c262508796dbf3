// An order as staff see it: the customer's view plus the account it belongs to, the e-mail it was placed for, the
// language of its e-mails and what it issued.

import type { Locale } from '#shared/i18n/locale.ts';
import { toOrder, toOrderSummary, type Order, type OrderSummary } from '#shared/orders/model.ts';

/** One licence an order issued, as the order keeps it (the order item holds a bounded list of them). */
export interface IssuedLicence {
  licenceId: string;
  sku?: string;
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  /** The support & updates subscription bought with it, if any. */
  subscriptionId?: string;
  supportEndsAt?: string;
}

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
}

/** Reads an order item (or anything carrying the same summary fields) without keys or index attributes. */
export function toStaffOrderSummary(item: Record<string, unknown>): StaffOrderSummary {
  return { ...toOrderSummary(item), accountId: item.accountId as string, email: emailOf(item) };
}

export function toStaffOrder(item: Record<string, unknown>): StaffOrder {
  const issued = Array.isArray(item.issued) ? (item.issued as IssuedLicence[]) : [];
  return {
    ...toOrder(item),
    accountId: item.accountId as string,
    email: emailOf(item),
    locale: item.locale === 'pl' ? 'pl' : 'en',
    issued: issued.map((licence) => ({
      licenceId: licence.licenceId,
      ...(licence.sku ? { sku: licence.sku } : {}),
      product: licence.product,
      edition: licence.edition,
      users: licence.users,
      serial: licence.serial,
      ...(typeof licence.days === 'number' ? { days: licence.days } : {}),
      ...(licence.subscriptionId ? { subscriptionId: licence.subscriptionId } : {}),
      ...(licence.supportEndsAt ? { supportEndsAt: licence.supportEndsAt } : {}),
    })),
  };
}

function emailOf(item: Record<string, unknown>): string {
  return typeof item.email === 'string' ? item.email : (item.contact as Order['contact']).email;
}
