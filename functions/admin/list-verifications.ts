// Staff: the company data awaiting verification, oldest first.

import { listAwaitingVerifications } from '#shared/accounts/verification.ts';
import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/profile.ts';

export const handler = httpHandler(api.listVerifications, async ({ query }) => ({ body: await listAwaitingVerifications(query) }));
