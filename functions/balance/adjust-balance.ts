// Staff: credits or debits a customer's balance (never below 0), once per idempotency key, audited with its reason.

import { httpHandler } from '#shared/http/handler.ts';
import { adjustBalance } from '#shared/billing/adjustments.ts';
import * as api from '#shared/api/balance.ts';

export const handler = httpHandler(api.adjustBalance, async ({ path, body, audit }) => {
  const { reason: _reason, ...adjustment } = body;
  const result = await adjustBalance({ ...adjustment, accountId: path.accountId }, audit);
  return { status: result.replayed ? 200 : 201, body: result };
});
