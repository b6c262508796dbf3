// How the cart and the invoices name a line, pure: a product line by its SKU, an action line (issue #15) by what it
// changes (one line per subscription or licence), and what an invoice prints for it.

import type { Locale } from '#shared/i18n/locale.ts';
import type { LineAction } from '#shared/orders/fields.ts';
import type { OrderLine } from '#shared/orders/model.ts';
import { productLineText } from '#shared/subscriptions/line-text.ts';

/** The cart's key of a line: its SKU for new licences, `RENEW-<id>` / `UPGRADE-<id>` / `PLAN-<id>` for an action. */
export function lineKey(line: { sku: string; action?: LineAction }): string {
  const action = line.action;
  if (!action) return line.sku;
  if (action.kind === 'upgrade') return `UPGRADE-${action.licenceId}`;
  return `${action.kind === 'renewal' ? 'RENEW' : 'PLAN'}-${action.subscriptionId}`;
}

/**
 * What invoices and mails call a line: the product, edition and seats, or an action's text in the reader's language
 * (an action line of an older order, without `text`, keeps what its quote named it).
 */
export function lineDescription(line: Pick<OrderLine, 'product' | 'edition' | 'users' | 'action' | 'text'>, locale: Locale = 'en'): string {
  if (line.text) return productLineText({ product: line.product, text: line.text }, locale);
  return line.action ? `${line.product} ${line.edition}` : `${line.product} ${line.edition}, ${line.users} users`;
}
