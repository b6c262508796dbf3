// Saves the signed-in person's name, phone, language (of every mail to them) and time zone.

import { updateMyPersonalData } from '#shared/accounts/profile.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/profile.ts';

export const handler = customerHttpHandler(api.updateMyPersonalData, async ({ customer, body }) => ({
  body: await updateMyPersonalData(customer, body, now()),
}));
