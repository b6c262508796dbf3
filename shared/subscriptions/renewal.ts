// Renewing a subscription (issue #15): quoting N periods at its price, and the fulfilment of a paid renewal line, which
// extends paid-until from its current end (never from today), once per paid order. TO BE BUILT (renewals).

import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import type { LineAction } from '#shared/orders/fields.ts';

type Renewal = Extract<LineAction, { kind: 'renewal' }>;

export async function quoteRenewal(_context: QuoteContext, _action: Renewal): Promise<ActionQuote> {
  return { unavailable: 'NOT_BUILT', message: 'Renewals are not built yet.' };
}

export async function renewalFulfilment(_context: FulfilContext, _line: ActionLine & { action: Renewal }): Promise<FulfilmentPart> {
  throw new Error('Renewal fulfilment is not built yet');
}
