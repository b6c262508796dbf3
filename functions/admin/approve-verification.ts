// Staff: approves an account's submitted company data; it becomes the account's and the customer is mailed.

import { decideVerification } from '#shared/accounts/verification.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/profile.ts';

export const handler = httpHandler(api.approveVerification, async ({ path, body, audit }) => ({
  body: await decideVerification({
    accountId: path.accountId,
    verificationId: body.verificationId,
    decision: 'verified',
    reason: body.reason,
    now: now(),
    audit,
  }),
}));
