// Changing a service plan (issue #15): the quote of an upgrade mid-period (the prorated difference) and the fulfilment
// of its paid line, which switches the plan. TO BE BUILT (plan changes).

import type { ActionLine, ActionQuote, FulfilContext, FulfilmentPart, QuoteContext } from '#shared/shop/line-actions.ts';
import type { LineAction } from '#shared/orders/fields.ts';

type PlanChange = Extract<LineAction, { kind: 'plan-change' }>;

export async function quotePlanChange(_context: QuoteContext, _action: PlanChange): Promise<ActionQuote> {
  return { unavailable: 'NOT_BUILT', message: 'Plan changes are not built yet.' };
}

export async function planChangeFulfilment(_context: FulfilContext, _line: ActionLine & { action: PlanChange }): Promise<FulfilmentPart> {
  throw new Error('Plan-change fulfilment is not built yet');
}
