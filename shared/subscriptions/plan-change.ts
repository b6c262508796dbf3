// Changing a service plan (issue #15, seed 004 "change plan"): the plans a service subscription may move to and what
// each would cost or credit now (the preview), the quote of an upgrade mid-period (an order line for the prorated
// difference) and the fulfilment of its paid line, which switches the plan. A downgrade follows the stage's terms
// (`billingSettings().services.downgrade`): the prorated difference credited to the balance now (with a correction of
// the period's invoice), or the switch at the period's end (`pendingPlan`, applied by the daily job or a renewal).
//
// The plans of a service: the catalogue's active SKUs of its product with the same period, priced in its currency. The
// direction is by price per period: dearer is an upgrade, anything else a downgrade. The amounts are the one proration
// rule (shared/subscriptions/periods.ts prorateRest) of the difference between the new plan's price today and the price
// the subscription pays, then VAT by the invoice rule for the buyer (the one invoiced, a distributor for its client).

import type { Account } from '#shared/accounts/account.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { billingSettings, type ServiceTerms } from '#shared/billing/settings.ts';
import { buyerTaxRule, getInvoice, invoiceBuyer } from '#shared/billing/invoice.ts';
import { remainingGross } from '#shared/billing/refunds.ts';
import { type TaxRule, taxLine } from '#shared/billing/tax.ts';
import { priceVersionFromItem, priceVersionKey } from '#shared/catalogue/model.ts';
import { priceIn, readCatalogue, type SellableSku, sellableSkus } from '#shared/catalogue/read.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { type Money, money } from '#shared/money.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { FulfilmentRefused } from '#shared/shop/fulfilment-error.ts';
import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { lineText, planChangeText } from '#shared/subscriptions/line-text.ts';
import { getSubscription, isRenewable, MAX_SPAN_CHANGES, type Subscription, subscriptionPut } from '#shared/subscriptions/model.ts';
import { prorateRest } from '#shared/subscriptions/periods.ts';
import { changeCoversFrom, spanPlanChanges, withSpanChange } from '#shared/subscriptions/span.ts';

type PlanChange = Extract<LineAction, { kind: 'plan-change' }>;

/** One plan of the subscription's product and period, at today's price in the subscription's currency. */
export interface PlanOption {
  sku: string;
  /** The edition's name: what the services table shows ("Pro"). */
  plan: string;
  users: number;
  price: Money;
  /** The catalogue price version quoted (the fulfilment switches to exactly this price). */
  priceVersion: number;
}

/** What choosing a plan does now: charge (upgrade), credit (downgrade, credit-now) or schedule it (at-period-end). */
export interface PlanPreview {
  effect: 'charge' | 'credit' | 'at-period-end';
  /** Charged or credited now, for the buyer: net, VAT and gross (all 0 for a switch at the period's end). */
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  currency: string;
  /** Whole days left of the period in progress, its length, and whole periods paid ahead of it. */
  daysLeft: number;
  daysInPeriod: number;
  periodsAfter: number;
  /** When a scheduled downgrade applies: paid-until. */
  appliesOn?: string;
  /** The invoice a credit corrects (the period's VAT invoice, while it still bills that much); its account is credited. */
  corrects?: { accountId: string; invoiceId: string; number: string };
}

export interface PlanChoice extends PlanOption {
  direction: 'upgrade' | 'downgrade';
  preview: PlanPreview;
}

/** Why the plan cannot be changed now: a stable code and a sentence. */
export interface PlanUnavailable {
  code: string;
  message: string;
}

export interface PlansOfSubscription {
  subscription: Subscription;
  current: { sku: string; plan: string; users: number; price: Money };
  downgrade: ServiceTerms['downgrade'];
  tax: TaxRule;
  /** Set when no plan can be chosen now (not a service, not active, another currency); `plans` is then empty. */
  unavailable?: PlanUnavailable;
  plans: PlanChoice[];
}

const CHANGEABLE: ReadonlySet<Subscription['status']> = new Set(['active', 'due']);

/** The product's plans with the subscription's period, active and priced in its currency (the current one included). */
export function plansOf(subscription: Subscription, skus: readonly SellableSku[]): PlanOption[] {
  const { unit, count } = subscription.period;
  return skus.flatMap((sku) => {
    const price = priceIn(sku, subscription.price.currency);
    const samePeriod = sku.period?.unit === unit && sku.period.count === count;
    if (!sku.active || !price || !samePeriod || sku.productId !== subscription.productId) return [];
    return [
      { sku: sku.sku, plan: sku.edition, users: sku.users, price: money(price.amountMinor, price.currency), priceVersion: price.version },
    ];
  });
}

/** Why no plan of this subscription can be chosen by this buyer now, or undefined. */
function unavailableFor(subscription: Subscription, buyer: Account): PlanUnavailable | undefined {
  if (subscription.kind !== 'service') {
    return {
      code: 'NOT_A_SERVICE',
      message: 'Only service plans can be changed; support & updates is renewed or upgraded with its licence.',
    };
  }
  if (!CHANGEABLE.has(subscription.status) || !isRenewable(subscription)) {
    return {
      code: 'SUBSCRIPTION_NOT_ACTIVE',
      message: `The subscription is ${subscription.status}: renew it before changing its plan.`,
    };
  }
  if (buyer.distributorId) {
    return { code: 'ORDERED_BY_DISTRIBUTOR', message: 'Plan changes of this account are ordered by its distributor.' };
  }
  // Each change is part of what a cancellation refunds, invoice by invoice: a span keeps a few (a renewal starts afresh).
  if (spanPlanChanges(subscription).length >= MAX_SPAN_CHANGES) {
    return {
      code: 'PLAN_CHANGES_LIMIT',
      message: `The plan was changed ${MAX_SPAN_CHANGES} times in this paid period: renew it first, or ask us to change it.`,
    };
  }
  const currency = accountCurrency(buyer);
  if (subscription.price.currency !== currency) {
    return {
      code: 'PLAN_CURRENCY_MISMATCH',
      message: `The subscription is paid in ${subscription.price.currency}, the buyer pays in ${currency}: ask us to change its plan.`,
    };
  }
  return undefined;
}

/** The reads a preview needs once: the catalogue, the buyer's tax rule, the period's invoice a credit may correct. */
interface PreviewContext {
  subscription: Subscription;
  buyer: Account;
  tax: TaxRule;
  terms: ServiceTerms;
  at: Date;
  /** The period's VAT invoice in the buyer's account and what it still bills. */
  lastInvoice?: { accountId: string; invoiceId: string; number: string; tax: TaxRule; remainingMinor: number };
}

async function previewContext(subscription: Subscription, buyer: Account, at: Date, forCredit: boolean): Promise<PreviewContext> {
  const terms = billingSettings().services;
  const context: PreviewContext = { subscription, buyer, tax: buyerTaxRule(invoiceBuyer(buyer)), terms, at };
  const last = subscription.lastInvoice;
  if (forCredit && terms.downgrade === 'credit-now' && last) {
    // Whoever paid the period holds its invoice (recorded since it is; before, the buyer or the licensee).
    const holders = last.accountId ? [last.accountId] : [...new Set([buyer.accountId, subscription.accountId])];
    const found = await Promise.all(holders.map((accountId) => getInvoice(accountId, last.invoiceId, true)));
    const invoice = found.find((candidate) => candidate !== undefined);
    if (invoice?.kind === 'vat' && invoice.currency === subscription.price.currency) {
      context.lastInvoice = {
        accountId: invoice.accountId,
        invoiceId: invoice.invoiceId,
        number: invoice.number,
        tax: invoice.tax,
        remainingMinor: await remainingGross(invoice),
      };
    }
  }
  return context;
}

/** What moving to `option` does now (see the file's comment). */
export function previewOf(context: PreviewContext, option: PlanOption): PlanChoice {
  const { subscription, terms, at } = context;
  const difference = option.price.amountMinor - subscription.price.amountMinor;
  const direction = difference > 0 ? 'upgrade' : 'downgrade';
  const rest = prorateRest({
    amountMinor: Math.abs(difference),
    paidUntil: subscription.paidUntil,
    period: subscription.period,
    at,
  });
  const days = { daysLeft: rest.daysLeft, daysInPeriod: rest.daysInPeriod, periodsAfter: rest.periodsAfter };
  const currency = subscription.price.currency;
  if (direction === 'downgrade' && terms.downgrade === 'at-period-end') {
    const preview: PlanPreview = {
      effect: 'at-period-end',
      netMinor: 0,
      vatMinor: 0,
      grossMinor: 0,
      currency,
      ...days,
      appliesOn: subscription.paidUntil,
    };
    return { ...option, direction, preview };
  }
  if (direction === 'upgrade') {
    return { ...option, direction, preview: { effect: 'charge', ...taxLine(rest.amountMinor, context.tax), currency, ...days } };
  }
  // A credit corrects the period's invoice (at its tax rule) while that still bills as much; else it is a plain credit.
  const last = context.lastInvoice;
  const corrected = last ? taxLine(rest.amountMinor, last.tax) : undefined;
  if (last && corrected && corrected.grossMinor > 0 && corrected.grossMinor <= last.remainingMinor) {
    const corrects = { accountId: last.accountId, invoiceId: last.invoiceId, number: last.number };
    return { ...option, direction, preview: { effect: 'credit', ...corrected, currency, ...days, corrects } };
  }
  return { ...option, direction, preview: { effect: 'credit', ...taxLine(rest.amountMinor, context.tax), currency, ...days } };
}

function currentOf(subscription: Subscription) {
  const { sku, plan, users, price } = subscription;
  return { sku, plan, users, price };
}

/** Every plan the buyer may move the subscription to, with its preview (the GET route's answer). */
export async function plansForBuyer(subscription: Subscription, buyer: Account, at: Date): Promise<PlansOfSubscription> {
  const terms = billingSettings().services;
  const base = { subscription, current: currentOf(subscription), downgrade: terms.downgrade };
  const unavailable = unavailableFor(subscription, buyer);
  if (unavailable) return { ...base, tax: buyerTaxRule(invoiceBuyer(buyer)), unavailable, plans: [] };
  const [options, context] = await Promise.all([
    readCatalogue().then((catalogue) => plansOf(subscription, sellableSkus(catalogue))),
    previewContext(subscription, buyer, at, true),
  ]);
  return {
    ...base,
    tax: context.tax,
    plans: options.filter((option) => option.sku !== subscription.sku).map((option) => previewOf(context, option)),
  };
}

/** One plan's preview, or why it cannot be chosen (the same plan, not offered, nothing left of the period). */
export async function choosePlan(
  subscription: Subscription,
  buyer: Account,
  toSku: string,
  at: Date,
): Promise<{ choice: PlanChoice } | { unavailable: PlanUnavailable }> {
  const unavailable = unavailableFor(subscription, buyer);
  if (unavailable) return { unavailable };
  if (toSku === subscription.sku) return { unavailable: { code: 'SAME_PLAN', message: 'The subscription is on this plan already.' } };
  const options = plansOf(subscription, sellableSkus(await readCatalogue()));
  const option = options.find((candidate) => candidate.sku === toSku);
  if (!option) {
    return { unavailable: { code: 'PLAN_NOT_OFFERED', message: `${toSku} is not a plan this subscription can move to.` } };
  }
  const upgrade = option.price.amountMinor > subscription.price.amountMinor;
  const choice = previewOf(await previewContext(subscription, buyer, at, !upgrade), option);
  if (upgrade && choice.preview.netMinor === 0) {
    return {
      unavailable: {
        code: 'PLAN_PERIOD_ENDING',
        message: 'Less than a day of the paid period is left: renew first, or change the plan in the next period.',
      },
    };
  }
  return { choice };
}

/** The order line of an upgrade mid-period: one unit at the prorated difference (net); a downgrade is no order. */
export async function quotePlanChange(context: QuoteContext, action: PlanChange): Promise<ActionQuote> {
  const subscription = await getSubscription(action.licenseeAccountId, action.subscriptionId);
  const chosen = await choosePlan(subscription, context.buyer, action.toSku, context.at);
  if ('unavailable' in chosen) return { unavailable: chosen.unavailable.code, message: chosen.unavailable.message };
  const { choice } = chosen;
  if (choice.direction !== 'upgrade') {
    return { unavailable: 'NOT_AN_UPGRADE', message: 'A cheaper plan is no order: change to it on the service’s page.' };
  }
  if (choice.price.currency !== context.currency) {
    return { unavailable: 'PLAN_CURRENCY_MISMATCH', message: `The subscription is paid in ${choice.price.currency}.` };
  }
  const net = money(choice.preview.netMinor, choice.price.currency);
  const text = planChangeText(subscription.plan, choice);
  const line: ActionLine = {
    product: subscription.product,
    sku: choice.sku,
    edition: lineText(text, 'en'),
    text,
    users: choice.users,
    quantity: 1,
    unitPrice: net,
    subtotal: net,
    priceVersion: choice.priceVersion,
    action: { ...action, fromSku: subscription.sku },
  };
  return { line };
}

/** The new plan as quoted: the SKU's names now, its price at the version the order line was quoted at. */
async function quotedPlan(
  line: ActionLine & { action: PlanChange },
  currency: string,
): Promise<Pick<Subscription, 'sku' | 'plan' | 'users' | 'price'>> {
  const catalogue = sellableSkus(await readCatalogue());
  const sku = catalogue.find((candidate) => candidate.sku === line.action.toSku);
  const current = sku ? priceIn(sku, currency) : undefined;
  let amountMinor = current?.amountMinor;
  if (line.priceVersion !== undefined && current?.version !== line.priceVersion) {
    const found = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: priceVersionKey(line.action.toSku, currency, line.priceVersion),
        ConsistentRead: true,
      }),
    );
    if (found.Item) amountMinor = priceVersionFromItem(found.Item).amountMinor;
  }
  if (amountMinor === undefined) throw new NotFoundError(`The plan ${line.action.toSku} has no price in ${currency}.`);
  return {
    sku: line.action.toSku,
    plan: sku?.edition ?? line.action.toSku,
    users: sku?.users ?? line.users,
    price: money(amountMinor, currency),
  };
}

/**
 * A paid upgrade: the subscription moves to the new plan at the price quoted (paid-until unchanged, a scheduled
 * downgrade forgotten) with a 'plan-changed' event naming the order and its invoice, in the payment's transaction.
 */
export async function planChangeFulfilment(context: FulfilContext, line: ActionLine & { action: PlanChange }): Promise<FulfilmentPart> {
  const read = await getSubscription(line.action.licenseeAccountId, line.action.subscriptionId);
  // Only a race gets here (checkout quotes it first): the subscription ended, or moved to another plan since the
  // difference was priced (a bank transfer is then credited to the balance: shared/shop/fulfilment-error.ts).
  if (!isRenewable(read)) throw new FulfilmentRefused('SUBSCRIPTION_ENDED', 'The subscription has ended: its plan can no longer change.');
  if (line.action.fromSku !== undefined && read.sku !== line.action.fromSku) {
    throw new FulfilmentRefused('SUBSCRIPTION_CHANGED', 'The subscription changed plan since this change was priced.');
  }
  const plan = await quotedPlan(line, read.price.currency);
  const at = context.at.toISOString();
  const { pendingPlan: _dropped, ...rest } = read;
  const gross = money(taxLine(line.subtotal.amountMinor, context.tax).grossMinor, line.subtotal.currency);
  // The upgrade's invoice pays the rest of the span: a cancellation refunds its unused days too (span.ts). It covers
  // from when it was priced (the order): paid days later by transfer, each unused day is refunded at the daily rate it
  // was sold at, never more; the days between were paid for but the old plan's (the payment was late).
  const pricedAt = [context.order.orderedAt, at].sort()[0]!;
  const spanChanges = withSpanChange(
    read,
    {
      kind: 'upgrade',
      invoice: { accountId: context.order.accountId, ...context.invoice },
      grossMinor: gross.amountMinor,
      coversFrom: changeCoversFrom(read.paidUntil, pricedAt),
    },
    context.at,
  );
  const next: Subscription = { ...rest, ...plan, spanChanges, updatedAt: at };
  return {
    items: paidPlanChange(context, read, next, gross),
    retryOnConditionAt: [0],
    issued: [],
  };
}

/**
 * A paid plan change's two writes: the subscription moved to `next` (conditional on the version read: a lost race is
 * index 0) and its 'plan-changed' event naming the order and invoice that paid it, with `amount` when the line charged
 * for the plan itself. Written by a plan upgrade's fulfilment and by a licence upgrade moving its renewable support.
 */
export function paidPlanChange(context: FulfilContext, read: Subscription, next: Subscription, amount?: Money): TransactItem[] {
  return [
    subscriptionPut(read, next),
    subscriptionEventPut(read.accountId, {
      subscriptionId: read.subscriptionId,
      kind: 'plan-changed',
      at: context.at.toISOString(),
      by: 'payment',
      plan: { from: read.plan, to: next.plan },
      order: { orderId: context.order.orderId, reference: context.order.reference },
      invoice: context.invoice,
      ...(amount ? { amount } : {}),
    }),
  ];
}
