// Frees the signed-in customer's licence from its computer (counts as a transfer), with an audit entry.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { moveLicence } from '#shared/licences/activations.ts';

const path = z.strictObject({ licenceId: ulidSchema });

export const handler = httpHandler({ path }, async ({ path, event }) => {
  const caller = await customerCaller(event);
  const actor = { by: 'customer', userId: caller.userId, email: caller.email, sourceIp: event.requestContext.http.sourceIp } as const;
  return { body: await moveLicence(caller.accountId, path.licenceId, undefined, actor) };
});
