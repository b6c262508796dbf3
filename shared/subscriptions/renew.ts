// The customer's renewals (issue #15): what renewing a subscription for N periods costs (with VAT, against the
// balance), renewing it into the cart or from the balance at once, and every due subscription into the cart. The price
// and who may order it come from the renewal quote (shared/subscriptions/renewal.ts through line-actions' quoteAction);
// paying goes through the shop (the cart and checkout, or a direct order paid from the balance), whose fulfilment
// extends paid-until. A distributor renews all due subscriptions of one client, or of itself and every client, at once.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { accountFromItem } from '#shared/accounts/account.ts';
import { assertMayOrderForItself, type ClientRef, listClients, viewedAccount } from '#shared/accounts/distributors.ts';
import { balancesFromAccountItem, readAccountItem } from '#shared/billing/balance.ts';
import { buyerTaxRule, invoiceBuyer } from '#shared/billing/invoice.ts';
import { taxLine } from '#shared/billing/tax.ts';
import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition, SK_PREFIX } from '#shared/db/keys.ts';
import { money, type Money } from '#shared/money.ts';
import { MAX_CART_LINES } from '#shared/shop/cart.ts';
import { addCartActions, getPricedCart, readCart } from '#shared/shop/cart-lines.ts';
import { placedByOf } from '#shared/shop/checkout.ts';
import { accountCurrency } from '#shared/shop/currency.ts';
import { placeDirectOrder } from '#shared/shop/direct-order.ts';
import { assertMayOrderFor, lineKey, quoteAction } from '#shared/shop/line-actions.ts';
import { renewedPlan } from '#shared/subscriptions/renewal.ts';
import {
  getSubscription,
  type Subscription,
  subscriptionFromItem,
  type SubscriptionView,
  toSubscriptionView,
} from '#shared/subscriptions/model.ts';
import { addPeriods } from '#shared/subscriptions/periods.ts';
import { now } from '#shared/time.ts';

export interface RenewalQuote {
  subscription: SubscriptionView;
  periods: number;
  line?: { edition: string; quantity: number; unitPrice: Money; subtotal: Money; gross: Money };
  unavailable?: { code: string; message: string };
  paidUntilAfter: string;
  balance: Money;
}

/**
 * The client a distributor names (quoteAction checks it is one), or undefined for the caller's own account (a page
 * may name it: the subscription's own account).
 */
export function clientOf(caller: Pick<CustomerCaller, 'accountId'>, clientId: string | undefined): string | undefined {
  return clientId === caller.accountId ? undefined : clientId;
}

/** The price of renewing for `periods` periods as the buyer pays it (see the module comment); three reads. */
export async function renewalQuote(
  caller: CustomerCaller,
  input: { subscriptionId: string; periods: number; clientId?: string },
): Promise<RenewalQuote> {
  const at = now();
  const licenseeAccountId = clientOf(caller, input.clientId) ?? caller.accountId;
  const accountItem = await readAccountItem(caller.accountId, true);
  const buyer = accountFromItem(accountItem);
  const currency = accountCurrency(buyer);
  const quote = await quoteAction(
    { buyer, currency, at },
    { kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, licenseeAccountId },
  );
  const subscription = await getSubscription(licenseeAccountId, input.subscriptionId);
  const balance = balancesFromAccountItem(accountItem).balances.find((entry) => entry.currency === currency);
  const base = {
    subscription: toSubscriptionView(subscription, at),
    periods: input.periods,
    paidUntilAfter: addPeriods(subscription.paidUntil, subscription.period, input.periods).toISOString(),
    balance: money(balance?.amountMinor ?? 0, currency),
  };
  if ('unavailable' in quote) return { ...base, unavailable: { code: quote.unavailable, message: quote.message } };
  const { edition, quantity, unitPrice, subtotal } = quote.line;
  const gross = taxLine(subtotal.amountMinor, buyerTaxRule(invoiceBuyer(buyer))).grossMinor;
  return { ...base, line: { edition, quantity, unitPrice, subtotal, gross: money(gross, currency) } };
}

/** Subscriptions "renew all due" adds at most: the cart holds MAX_CART_LINES lines. */
export const MAX_RENEW_DUE = MAX_CART_LINES;
/** What "renew all due" renews: the daily job's due, overdue and suspended subscriptions. */
export const RENEW_DUE_STATUSES = ['due', 'overdue', 'suspended'] as const;
/** Subscriptions one Query of an account's due ones evaluates, and Queries per account at most (10 × 100). */
const DUE_PAGE_SIZE = 100;
const DUE_PAGES_PER_ACCOUNT = 10;
/** Accounts (the distributor's own and its clients) read at once. */
const DUE_CONCURRENCY = 8;

/** Whose due subscriptions: the caller's own (none given), one client's, or the caller's and every client's. */
export interface RenewDueScope {
  clientId?: string | undefined;
  allClients?: boolean | undefined;
}

/** A due subscription, with its client when it is a distributor's client's (the client is the licensee). */
export interface DueSubscription {
  subscription: Subscription;
  client?: ClientRef;
}

export interface DueList {
  due: DueSubscription[];
  /** More were due than `wanted` (the rest waits for the next "renew all due"). */
  more: boolean;
}

/** The accounts a scope covers, own first: a client named must be the caller's (404), all clients are read in pages. */
async function scopeAccounts(callerAccountId: string, scope: RenewDueScope): Promise<Array<ClientRef | undefined>> {
  const clientId = clientOf({ accountId: callerAccountId }, scope.clientId);
  if (clientId) return [await viewedAccount(callerAccountId, clientId)];
  if (!scope.allClients) return [undefined];
  const clients: ClientRef[] = [];
  let cursor: string | undefined;
  // At most MAX_DISTRIBUTOR_CLIENTS (200): two pages.
  do {
    const page = await listClients(callerAccountId, cursor ? { cursor } : {});
    clients.push(...page.items.map(({ accountId, name }) => ({ accountId, name })));
    cursor = page.nextCursor;
  } while (cursor);
  return [undefined, ...clients];
}

/**
 * One account's due subscriptions, oldest first, that `keep` keeps: Queries of DUE_PAGE_SIZE of its subscriptions,
 * filtered by status on the server, until `wanted` + 1 are found (so the caller knows more are due) or
 * DUE_PAGES_PER_ACCOUNT pages are read (what is left counts as more).
 */
async function accountDue(
  accountId: string,
  wanted: number,
  keep: (subscription: Subscription) => boolean,
): Promise<{ found: Subscription[]; more: boolean }> {
  const values = Object.fromEntries(RENEW_DUE_STATUSES.map((status, index) => [`:s${index}`, status]));
  const found: Subscription[] = [];
  let start: Record<string, unknown> | undefined;
  for (let page = 0; page < DUE_PAGES_PER_ACCOUNT; page += 1) {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: `#status IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': SK_PREFIX.subscription, ...values },
        Limit: DUE_PAGE_SIZE,
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    found.push(...(result.Items ?? []).map(subscriptionFromItem).filter(keep));
    start = result.LastEvaluatedKey;
    if (found.length > wanted) return { found: found.slice(0, wanted), more: true };
    if (!start) return { found, more: false };
  }
  return { found, more: true };
}

/**
 * The due subscriptions of a scope (RenewDueScope), own first and then each client's, at most `wanted` of those `keep`
 * keeps: accounts are read DUE_CONCURRENCY at a time and the reading stops once `wanted` are found, so a distributor
 * with many clients reads only as far as one cart reaches (at most its 200 clients' Queries when few are due).
 */
export async function dueSubscriptions(
  callerAccountId: string,
  scope: RenewDueScope = {},
  options: { wanted?: number; keep?: (subscription: Subscription) => boolean } = {},
): Promise<DueList> {
  const { wanted = MAX_RENEW_DUE, keep = () => true } = options;
  const accounts = await scopeAccounts(callerAccountId, scope);
  const due: DueSubscription[] = [];
  let more = false;
  for (let next = 0; next < accounts.length && !more; next += DUE_CONCURRENCY) {
    const batch = accounts.slice(next, next + DUE_CONCURRENCY);
    const results = await Promise.all(batch.map((client) => accountDue(client?.accountId ?? callerAccountId, wanted, keep)));
    results.forEach((result, index) => {
      const client = batch[index];
      due.push(...result.found.map((subscription) => ({ subscription, ...(client ? { client } : {}) })));
      more ||= result.more;
    });
    more ||= due.length > wanted;
  }
  return { due: due.slice(0, wanted), more: more || due.length > wanted };
}

export interface RenewInput {
  subscriptionId: string;
  periods: number;
  payWith: 'cart' | 'balance';
  idempotencyKey: string;
  clientId?: string;
}

/**
 * Renews into the cart (the priced cart), or from the balance at once: a direct order paid in full, whose fulfilment
 * extends paid-until (the order and the subscription as it is now). 409 INSUFFICIENT_BALANCE when the balance does not
 * cover it; the same key again answers the same order, paid once.
 */
export async function renewSubscription(caller: CustomerCaller, input: RenewInput) {
  const clientId = clientOf(caller, input.clientId);
  if (input.payWith === 'cart') {
    const cart = await addCartActions(caller.accountId, {
      actions: [{ kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, ...(clientId ? { clientId } : {}) }],
    });
    return { payWith: input.payWith, cart, replayed: false };
  }
  const licenseeAccountId = clientId ?? caller.accountId;
  const buyer = accountFromItem(await readAccountItem(caller.accountId));
  // Whose it is before whether the account may pay: another account's subscription is 404 whatever its state.
  await assertMayOrderFor(buyer, licenseeAccountId);
  await getSubscription(licenseeAccountId, input.subscriptionId);
  const placed = await placeDirectOrder({
    accountId: caller.accountId,
    placedBy: placedByOf(caller, buyer),
    actions: [{ kind: 'renewal', subscriptionId: input.subscriptionId, periods: input.periods, licenseeAccountId }],
    idempotencyKey: input.idempotencyKey,
    paymentMethod: 'balance',
  });
  const subscription = await getSubscription(licenseeAccountId, input.subscriptionId);
  return {
    payWith: input.payWith,
    order: placed.order,
    subscription: toSubscriptionView(subscription, now()),
    replayed: placed.replayed,
  };
}

/**
 * "Renew all due": each due subscription of the scope (dueSubscriptions: the caller's, one client's, or the caller's
 * and all its clients') priced in the cart's currency and not yet in the cart is added as a one-period renewal, a
 * client's with the client as the licensee; one already there keeps the periods the customer chose. As many as the
 * cart has room for (MAX_CART_LINES); `more` says some were left out. Answers the cart, how many were added and `more`.
 */
export async function renewAllDue(caller: CustomerCaller, input: RenewDueScope & { version?: number | undefined }) {
  const { cart, account } = await readCart(caller.accountId);
  // A distributor's client is refused even with nothing due: the page shows why, whatever the list holds.
  if (!clientOf(caller, input.clientId)) await assertMayOrderForItself(account);
  const inCart = new Set(cart.lines.map(lineKey));
  const room = MAX_CART_LINES - cart.lines.length;
  const { due, more } = await dueSubscriptions(caller.accountId, input, {
    wanted: room,
    keep: (subscription) =>
      renewedPlan(subscription).price.currency === cart.currency &&
      !inCart.has(lineKey({ sku: '', action: renewalAction(subscription, 1) })),
  });
  if (!due.length) return { cart: await getPricedCart(caller.accountId), added: 0, more };
  const priced = await addCartActions(caller.accountId, {
    actions: due.map(({ subscription, client }) => ({
      kind: 'renewal' as const,
      subscriptionId: subscription.subscriptionId,
      periods: 1,
      ...(client ? { clientId: client.accountId } : {}),
    })),
    version: input.version,
  });
  return { cart: priced, added: due.length, more };
}

/** The renewal action of a subscription, its own account the licensee (the buyer may be its distributor). */
function renewalAction(subscription: Subscription, periods: number) {
  return { kind: 'renewal' as const, subscriptionId: subscription.subscriptionId, periods, licenseeAccountId: subscription.accountId };
}
