// Upgrading a licence (issue #15): the quote of an upgrade path the catalogue offers (the price difference) and the
// fulfilment of its paid line, which changes the licence's edition/seats in place (same serial, activations kept) and
// records it on the licence's history. TO BE BUILT (upgrades).

import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import type { LineAction } from '#shared/orders/fields.ts';

type Upgrade = Extract<LineAction, { kind: 'upgrade' }>;

export async function quoteUpgrade(_context: QuoteContext, _action: Upgrade): Promise<ActionQuote> {
  return { unavailable: 'NOT_BUILT', message: 'Upgrades are not built yet.' };
}

export async function upgradeFulfilment(_context: FulfilContext, _line: ActionLine & { action: Upgrade }): Promise<FulfilmentPart> {
  throw new Error('Upgrade fulfilment is not built yet');
}
