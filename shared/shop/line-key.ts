// How the cart and the invoices name a line, pure: a product line by its SKU, an action line (issue #15) by what it
// changes (one line per subscription or licence), and what an invoice prints for it.

import type { LineAction } from '#shared/orders/fields.ts';
import type { OrderLine } from '#shared/orders/model.ts';

/** The cart's key of a line: its SKU for new licences, `RENEW-<id>` / `UPGRADE-<id>` / `PLAN-<id>` for an action. */
export function lineKey(line: { sku: string; action?: LineAction }): string {
  const action = line.action;
  if (!action) return line.sku;
  if (action.kind === 'upgrade') return `UPGRADE-${action.licenceId}`;
  return `${action.kind === 'renewal' ? 'RENEW' : 'PLAN'}-${action.subscriptionId}`;
}

/** What invoices and mails call a line: the product, edition and seats, or what the action's quote named it. */
export function lineDescription(line: Pick<OrderLine, 'product' | 'edition' | 'users' | 'action'>): string {
  return line.action ? `${line.product} ${line.edition}` : `${line.product} ${line.edition}, ${line.users} users`;
}
