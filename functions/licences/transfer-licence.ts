// Moves the signed-in customer's licence to another computer (limited per licence per 30 days), with an audit entry.

import * as z from '#shared/validation.ts';
import { customerCaller } from '#shared/accounts/caller.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { moveLicence } from '#shared/licences/activations.ts';
import { computerIdSchema } from '#shared/licences/schemas.ts';

const path = z.strictObject({ licenceId: ulidSchema });
const body = z.strictObject({ toComputerId: computerIdSchema });

export const handler = httpHandler({ path, body }, async ({ path, body, event }) => {
  const caller = await customerCaller(event);
  const actor = { by: 'customer', userId: caller.userId, email: caller.email, sourceIp: event.requestContext.http.sourceIp } as const;
  return { body: await moveLicence(caller.accountId, path.licenceId, body.toComputerId, actor) };
});
