// The owner sets individual or company and the postal address; company legal data awaits staff verification.

import { submitAccountProfile } from '#shared/accounts/profile.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/profile.ts';

export const handler = customerHttpHandler(api.updateAccountProfile, async ({ customer, body }) => ({
  body: await submitAccountProfile(customer, body, now()),
}));
