// How a prepayment order is paid, behind one port: each method says what the customer does next once the order is
// placed and what instructions the order page and the order mail print. Checkout, the order page and the mail ask the
// method, never which method it is. Pure: the web may import the types.
//
// A card provider slots in as a third method: its `nextStep` answers `{ kind: 'redirect', url }` (the provider's hosted
// page, created for the order), and the provider confirms the payment through a webhook route of its own that checks
// the provider's signature and then applies the payment as staff-recorded payments do (docs/api.md "Payment methods").

import { billingSettings } from '#shared/billing/settings.ts';
import { type Money, money } from '#shared/money.ts';
import { PAYMENT_METHODS, type PaymentMethodId, type ShopOrderState } from '#shared/orders/model.ts';

export { PAYMENT_METHODS, type PaymentMethodId };

/** What a bank transfer needs: the vendor's account, the exact amount still due, and the title staff match it by. */
export interface BankTransferInstructions {
  holder: string;
  bankName: string;
  iban: string;
  swift: string;
  amount: Money;
  /** The transfer title: the order reference. */
  title: string;
  dueAt: string;
}

/** What the customer does once the order is placed. */
export type PaymentStep =
  /** Send a bank transfer with these details; staff record it when it arrives. */
  | { kind: 'transfer'; instructions: BankTransferInstructions }
  /** Pay from the balance now: the page calls the payments route (`api.payments.payFromBalance`). */
  | { kind: 'pay-from-balance' }
  /** A hosted payment page (a card provider, later): the page sends the browser there; the provider's webhook confirms. */
  | { kind: 'redirect'; url: string };

/** The order as the methods read it. */
export interface PayableOrder {
  reference: string;
  total: Money;
  shop: Pick<ShopOrderState, 'paidMinor' | 'expiresAt'>;
}

export interface PaymentMethod {
  id: PaymentMethodId;
  /** What the customer does next for this order. */
  nextStep(order: PayableOrder): PaymentStep;
  /** The transfer details to print (order page, order mail, proforma), or undefined when the method needs none. */
  instructions(order: PayableOrder): BankTransferInstructions | undefined;
}

/** What is still to pay, minor units of the order's currency (never below 0). */
export function amountDue(order: PayableOrder): Money {
  return money(Math.max(0, order.total.amountMinor - order.shop.paidMinor), order.total.currency);
}

function transferInstructions(order: PayableOrder): BankTransferInstructions {
  const { holder, bankName, iban, swift } = billingSettings().bank;
  return { holder, bankName, iban, swift, amount: amountDue(order), title: order.reference, dueAt: order.shop.expiresAt };
}

const bankTransfer: PaymentMethod = {
  id: 'bank-transfer',
  nextStep: (order) => ({ kind: 'transfer', instructions: transferInstructions(order) }),
  instructions: transferInstructions,
};

const balance: PaymentMethod = {
  id: 'balance',
  nextStep: () => ({ kind: 'pay-from-balance' }),
  // Whatever the balance does not cover can still come by transfer: the order page shows the bank data for the rest.
  instructions: (order) => (amountDue(order).amountMinor > 0 ? transferInstructions(order) : undefined),
};

const METHODS: Record<PaymentMethodId, PaymentMethod> = { 'bank-transfer': bankTransfer, balance };

export function paymentMethod(id: PaymentMethodId): PaymentMethod {
  return METHODS[id];
}
