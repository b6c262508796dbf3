// Staff: one account's latest company verification, the submitted and the previous data side by side.

import { getVerificationDetail } from '#shared/accounts/verification.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/profile.ts';

export const handler = httpHandler(api.getVerification, async ({ path }) => ({ body: await getVerificationDetail(path.accountId) }));
