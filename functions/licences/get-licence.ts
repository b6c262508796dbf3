// Shows the signed-in customer one of their licences with the support subscriptions covering it.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { getLicence } from '#shared/licences/get-licence.ts';

const path = z.strictObject({ licenceId: ulidSchema });

export const handler = httpHandler({ path }, async ({ path, event }) => {
  const caller = await customerCaller(event);
  return { body: await getLicence(caller.accountId, path.licenceId) };
});
