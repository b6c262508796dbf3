// Order lines that change what the customer has instead of selling new licences (issue #15): renew a subscription,
// upgrade a licence, change a service plan. The cart, checkout, direct orders (renew from balance, a plan change) and
// fulfilment treat every kind alike through this module; each kind's own module quotes it (its order line at today's
// price) and fulfils it (the items its paid order writes in the payment's transaction).
//
// Who may order what: the licensee is the buyer itself, unless the buyer is a distributor buying for one of its
// clients (the client is the licensee, the distributor is invoiced). A distributor's client may not order these itself
// (403 ORDERED_BY_DISTRIBUTOR); a licensee that is neither the buyer nor its client is 404, like any foreign id.

import type { Account } from '#shared/accounts/account.ts';
import { assertMayOrderForItself, distributorClientKey } from '#shared/accounts/distributors.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import type { TaxRule } from '#shared/billing/tax.ts';
import type { Catalogue } from '#shared/catalogue/read.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import type { IssuedLicence, OrderLine, StoredOrder } from '#shared/orders/model.ts';
import { planChangeFulfilment, quotePlanChange } from '#shared/subscriptions/plan-change.ts';
import { quoteRenewal, renewalFulfilment } from '#shared/subscriptions/renewal.ts';
import { quoteUpgrade, UPGRADE_SUPPORT_TERMS, upgradeFulfilment } from '#shared/upgrades/upgrade-lines.ts';
import { lineDescription, lineKey } from '#shared/shop/line-key.ts';

export type { LineAction };
export type ActionLine = OrderLine & { action: LineAction };

/**
 * Table items one action line's fulfilment may write at most, by kind (checkout refuses an order that would not fit): a
 * renewal 4 (renewal.ts), a plan change 2 (plan-change.ts), an upgrade 4 and the support terms it renames (upgrade-lines.ts).
 */
export const ACTION_ITEMS: Record<LineAction['kind'], number> = { renewal: 4, 'plan-change': 2, upgrade: 4 + UPGRADE_SUPPORT_TERMS };

/** The items the action lines of an order write at most when it is paid. */
export function actionItemsOf(lines: readonly OrderLine[]): number {
  return lines.reduce((sum, line) => sum + (line.action ? ACTION_ITEMS[line.action.kind] : 0), 0);
}

export { lineDescription, lineKey };

export interface QuoteContext {
  /** Who buys and is invoiced. */
  buyer: Account;
  /** The catalogue, when the caller has read it already (the cart, checkout): a quote that needs it reads it otherwise. */
  catalogue?: Catalogue;
  /** The buyer's currency: the quote's price is in it (a subscription priced in another is unavailable). */
  currency: string;
  at: Date;
}

/**
 * A quote: the order line (its action included) at today's price, or why it cannot be bought now (a stable code the
 * cart shows, such as SUBSCRIPTION_ENDED or UPGRADE_NOT_OFFERED).
 */
export type ActionQuote =
  | {
      line: ActionLine;
      /**
       * What its fulfilment writes (`licence:<id>`, `subscription:<id>`): two lines of one order must not change the same
       * item (one transaction writes an item once), so the cart flags the later of two that share one.
       */
      targets?: string[];
    }
  | { unavailable: string; message: string };

/** 404 unless the licensee is the buyer (not a distributor's client: 403) or one of the buyer's clients. */
export async function assertMayOrderFor(buyer: Account, licenseeAccountId: string): Promise<void> {
  if (licenseeAccountId === buyer.accountId) return assertMayOrderForItself(buyer);
  const relation = await db().send(
    new GetCommand({ TableName: tableName(), Key: distributorClientKey(buyer.accountId, licenseeAccountId) }),
  );
  if (!relation.Item) throw new NotFoundError('The subscription or licence was not found.');
}

/** Quotes one action after checking who may order it (assertMayOrderFor). */
export async function quoteAction(context: QuoteContext, action: LineAction): Promise<ActionQuote> {
  await assertMayOrderFor(context.buyer, action.licenseeAccountId);
  if (action.kind === 'renewal') return quoteRenewal(context, action);
  if (action.kind === 'upgrade') return quoteUpgrade(context, action);
  return quotePlanChange(context, action);
}

/** Quotes several (a cart's action lines), by line key; at most MAX_CART_LINES, so a bounded number of reads. */
export async function quoteActions(context: QuoteContext, actions: readonly LineAction[]): Promise<Map<string, ActionQuote>> {
  const quotes = await Promise.all(actions.map(async (action) => [action, await quoteAction(context, action)] as const));
  return new Map(quotes.map(([action, quote]) => [lineKey({ sku: '', action }), quote]));
}

export interface FulfilContext {
  /** The order being fulfilled (in the buyer's account) and its VAT invoice, issued in the same transaction. */
  order: StoredOrder;
  invoice: { invoiceId: string; number: string };
  /** The order's tax rule: a line's gross is `taxLine(line.subtotal.amountMinor, tax)`. */
  tax: TaxRule;
  at: Date;
}

/** What one action line's fulfilment adds to the payment's transaction. */
export interface FulfilmentPart {
  items: TransactItem[];
  /** Indexes within `items` whose failed condition means "lost a race: read again and retry" (a subscription's version). */
  retryOnConditionAt: number[];
  /** Licences whose new `.lic` file the payment mail attaches (an upgraded licence). */
  issued: IssuedLicence[];
}

export function fulfilAction(context: FulfilContext, line: ActionLine): Promise<FulfilmentPart> {
  const action = line.action;
  if (action.kind === 'renewal') return renewalFulfilment(context, { ...line, action });
  if (action.kind === 'upgrade') return upgradeFulfilment(context, { ...line, action });
  return planChangeFulfilment(context, { ...line, action });
}

export function isActionLine(line: OrderLine): line is ActionLine {
  return line.action !== undefined;
}
