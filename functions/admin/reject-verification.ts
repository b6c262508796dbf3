// Staff: rejects an account's submitted company data with a reason the customer reads; the account keeps its data.

import { decideVerification } from '#shared/accounts/verification.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/profile.ts';

export const handler = httpHandler(api.rejectVerification, async ({ path, body, audit }) => ({
  body: await decideVerification({
    accountId: path.accountId,
    verificationId: body.verificationId,
    decision: 'rejected',
    reason: body.reason,
    now: now(),
    audit,
  }),
}));
