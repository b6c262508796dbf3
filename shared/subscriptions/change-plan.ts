// The customer changes a service's plan after seeing the preview (issue #15, seed 004): an upgrade is a direct order
// for the prorated difference (paid from the balance it switches at once; by transfer when the money arrives); a
// downgrade credits the prorated difference to the balance now, or is scheduled for paid-until, per the stage's terms.
// The amount the customer accepted must still be the preview's (else 409 PRICES_CHANGED with the new preview).
// A repeat of a change already made (a double click, a retry) answers the subscription as it is ("unchanged").

import { getAccount } from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { type RefundRecord, refundToBalance } from '#shared/billing/refunds.ts';
import { failedConditions } from '#shared/billing/transact.ts';
import { GetCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { AppError, ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { money } from '#shared/money.ts';
import { orderFromItem, orderKey, type StoredOrder } from '#shared/orders/model.ts';
import { placedByOf } from '#shared/shop/checkout.ts';
import { readCheckoutRecord } from '#shared/shop/checkout-record.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { assertMayOrderFor } from '#shared/shop/line-actions.ts';
import { subscriptionEventPut } from '#shared/subscriptions/events.ts';
import { getSubscription, type Subscription, subscriptionPut } from '#shared/subscriptions/model.ts';
import { lineText, planChangeText } from '#shared/subscriptions/line-text.ts';
import { type PlanChoice, type PlansOfSubscription, choosePlan, plansForBuyer } from '#shared/subscriptions/plan-change.ts';
import { changeCoversFrom, withSpanChange } from '#shared/subscriptions/span.ts';
import { now } from '#shared/time.ts';

export interface ChangePlanInput {
  toSku: string;
  payWith: 'balance' | 'bank-transfer';
  idempotencyKey: string;
  /** The gross the preview showed (charged for an upgrade, credited for a downgrade, 0 for a scheduled one). */
  acceptedAmountMinor: number;
  /** A distributor changing a client's plan: the client's account (the distributor is the buyer). */
  clientId?: string;
}

export interface ChangePlanResult {
  /** ordered: an upgrade's order awaits its transfer; changed: switched now; scheduled: at paid-until; unchanged: a repeat. */
  outcome: 'ordered' | 'changed' | 'scheduled' | 'unchanged';
  /** True when nothing was written now (a repeat of a change already made). */
  replayed: boolean;
  subscription: Subscription;
  /** The plan before a change credited now (what its mail names). */
  from?: string;
  choice?: PlanChoice;
  order?: StoredOrder;
  credit?: RefundRecord;
}

/** The plans of one of the caller's subscriptions, or (a distributor) of a client's; another account's: 404. */
export async function plansOfSubscription(
  callerAccountId: string,
  subscriptionId: string,
  clientId: string | undefined,
): Promise<PlansOfSubscription & { at: Date }> {
  const buyer = await getAccount(callerAccountId);
  if (!buyer) throw new NotFoundError('No such account.');
  const licenseeAccountId = clientId ?? callerAccountId;
  // Reading a client's subscription needs the relation only (its own client reads its own: the plans say who orders).
  if (licenseeAccountId !== callerAccountId) await assertMayOrderFor(buyer, licenseeAccountId);
  const at = now();
  return { ...(await plansForBuyer(await getSubscription(licenseeAccountId, subscriptionId), buyer, at)), at };
}

const changedMeanwhile = () => new ConflictError('The subscription changed meanwhile: reload it and choose again.', 'SUBSCRIPTION_CHANGED');

/** Writes a switch (the subscription and its event) in one transaction; a lost version race is a 409. */
async function writeSwitch(items: TransactItem[]): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (failedConditions(error).size) throw changedMeanwhile();
    throw error;
  }
}

/** A change already made: the upgrade's order when this key placed it (a retry), else the subscription as it is. */
async function repeated(buyerAccountId: string, input: ChangePlanInput, read: Subscription): Promise<ChangePlanResult> {
  const record = await readCheckoutRecord(buyerAccountId, input.idempotencyKey);
  const found = record
    ? await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(buyerAccountId, record.orderId), ConsistentRead: true }))
    : undefined;
  const order = found?.Item ? orderFromItem(found.Item) : undefined;
  return order
    ? { outcome: 'changed', replayed: true, subscription: read, order }
    : { outcome: 'unchanged', replayed: true, subscription: read };
}

function switched(read: Subscription, choice: PlanChoice, at: string): Subscription {
  const { pendingPlan: _dropped, ...rest } = read;
  return { ...rest, sku: choice.sku, plan: choice.plan, users: choice.users, price: choice.price, updatedAt: at };
}

export async function changePlan(caller: CustomerCaller, subscriptionId: string, input: ChangePlanInput): Promise<ChangePlanResult> {
  const buyer = await getAccount(caller.accountId, true);
  if (!buyer) throw new NotFoundError('No such account.');
  const licenseeAccountId = input.clientId ?? caller.accountId;
  await assertMayOrderFor(buyer, licenseeAccountId);
  const read = await getSubscription(licenseeAccountId, subscriptionId);
  if (read.sku === input.toSku || read.pendingPlan?.sku === input.toSku) return repeated(buyer.accountId, input, read);
  const at = now();
  const chosen = await choosePlan(read, buyer, input.toSku, at);
  if ('unavailable' in chosen) {
    const { code, message } = chosen.unavailable;
    throw new AppError(code === 'PLAN_NOT_OFFERED' ? 400 : 409, code, message);
  }
  const { choice } = chosen;
  if (choice.preview.grossMinor !== input.acceptedAmountMinor) {
    throw new ConflictError('The price of this change is not what you saw: check the new preview and confirm again.', 'PRICES_CHANGED', {
      choice,
    } as unknown as Record<string, unknown>);
  }
  const iso = at.toISOString();
  const event = { subscriptionId, at: iso, by: 'customer' as const, plan: { from: read.plan, to: choice.plan } };

  if (choice.direction === 'upgrade') {
    // The shop's direct order of one plan-change line (quoted again there: the same preview, checked against it).
    const order = {
      accountId: buyer.accountId,
      placedBy: placedByOf(caller, buyer),
      actions: [{ kind: 'plan-change' as const, subscriptionId, toSku: choice.sku, licenseeAccountId }],
      idempotencyKey: input.idempotencyKey,
      paymentMethod: input.payWith,
      acceptedTotalMinor: input.acceptedAmountMinor,
    };
    const placed = await placeDirectOrder(order).catch((error: unknown) => {
      // A parallel request with this key paid the order between this one's replay and its payment: a second replay
      // finds it fulfilled and answers it.
      if (error instanceof AppError && error.code === 'ORDER_NOT_PAYABLE') return placeDirectOrder(order);
      throw error;
    });
    const paid = placed.order.shop?.status === 'fulfilled';
    const subscription = paid ? await getSubscription(licenseeAccountId, subscriptionId) : read;
    return { outcome: paid ? 'changed' : 'ordered', replayed: placed.replayed, subscription, choice, order: placed.order };
  }

  if (choice.preview.effect === 'at-period-end') {
    const { price, ...plan } = switched(read, choice, iso);
    const next: Subscription = {
      ...read,
      pendingPlan: { sku: plan.sku, plan: plan.plan, users: plan.users, price },
      updatedAt: iso,
    };
    await writeSwitch([subscriptionPut(read, next), subscriptionEventPut(read.accountId, { ...event, kind: 'plan-change-scheduled' })]);
    return { outcome: 'scheduled', replayed: false, subscription: { ...next, version: read.version + 1 }, choice };
  }

  const corrects = choice.preview.corrects;
  // The credit is taken off what paid the span, over the days it credits: a later cancellation refunds only the
  // new plan's unused days (span.ts).
  const credited: Subscription =
    choice.preview.grossMinor > 0
      ? {
          ...read,
          spanChanges: withSpanChange(
            read,
            {
              kind: 'credit',
              ...(corrects ? { invoice: corrects } : {}),
              grossMinor: -choice.preview.grossMinor,
              coversFrom: changeCoversFrom(read.paidUntil, at),
            },
            at,
          ),
        }
      : read;
  const next = switched(credited, choice, iso);
  const amount = money(-choice.preview.grossMinor, choice.price.currency);
  const switchItems = (invoice?: { invoiceId: string; number: string }) => [
    subscriptionPut(read, next),
    subscriptionEventPut(read.accountId, { ...event, kind: 'plan-changed', amount, ...(invoice ? { invoice } : {}) }),
  ];
  if (choice.preview.grossMinor === 0) {
    await writeSwitch(switchItems());
    return { outcome: 'changed', replayed: false, subscription: { ...next, version: read.version + 1 }, choice };
  }
  const text = planChangeText(read.plan, choice);
  const locale = caller.person.locale ?? 'en';
  let refund: Awaited<ReturnType<typeof refundToBalance>>;
  try {
    refund = await refundToBalance({
      // The account that paid the period (its invoice is corrected) is credited; without one, the buyer.
      accountId: choice.preview.corrects?.accountId ?? buyer.accountId,
      // Once per version of the subscription: parallel submissions of this change all read the same version.
      sourceKey: `subscription#${subscriptionId}#plan#${read.version}`,
      label: `${read.product} ${read.plan} -> ${choice.plan}`,
      amountMinor: choice.preview.grossMinor,
      currency: choice.price.currency,
      reason: `Plan change ${lineText(text, 'en')}`,
      ...(choice.preview.corrects
        ? {
            correction: {
              invoiceId: choice.preview.corrects.invoiceId,
              lines: [
                {
                  description: `${read.product} ${lineText(text, locale)}`,
                  sku: choice.sku,
                  quantity: 1,
                  unitNetMinor: -choice.preview.netMinor,
                },
              ],
            },
          }
        : {}),
      at,
      // The switch and its event in the refund's own transaction: credited once, switched once.
      write: (items) => {
        const correction = items.flatMap((item) => (item.Put?.Item?.type === 'Invoice' ? [item.Put.Item] : []))[0];
        const invoice = correction ? { invoiceId: String(correction.invoiceId), number: String(correction.number) } : undefined;
        return db().send(new TransactWriteCommand({ TransactItems: [...items, ...switchItems(invoice)] }));
      },
    });
  } catch (error) {
    if (failedConditions(error).size) throw changedMeanwhile();
    throw error;
  }
  const subscription = refund.replayed ? await getSubscription(licenseeAccountId, subscriptionId) : { ...next, version: read.version + 1 };
  return { outcome: 'changed', replayed: refund.replayed, subscription, from: read.plan, choice, credit: refund.refund };
}
