// Shows the signed-in customer which computer a licence is on, the transfers left, and its audit trail, newest first.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { pageQuery, ulidSchema } from '#shared/http/schemas.ts';
import { getLicenceActivations } from '#shared/licences/activations.ts';

const path = z.strictObject({ licenceId: ulidSchema });

export const handler = httpHandler({ path, query: pageQuery }, async ({ path, query, event }) => {
  const caller = await customerCaller(event);
  return { body: await getLicenceActivations(caller.accountId, path.licenceId, query) };
});
