// Frees the signed-in customer's licence from its computer (counts as a transfer), with an audit entry.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { moveLicence } from '#shared/licences/activations.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.deactivateLicence, async ({ path, customer: caller }) => {
  const actor = { by: 'customer', userId: caller.userId, email: caller.email, sourceIp: caller.sourceIp } as const;
  return { body: await moveLicence(caller.accountId, path.licenceId, undefined, actor) };
});
