// Moves the signed-in customer's licence to another computer (limited per licence per 30 days), with an audit entry.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { moveLicence } from '#shared/licences/activations.ts';
import * as api from '#shared/api/licences.ts';

export const handler = customerHttpHandler(api.transferLicence, async ({ path, body, customer: caller }) => {
  const actor = { by: 'customer', userId: caller.userId, email: caller.email, sourceIp: caller.sourceIp } as const;
  return { body: await moveLicence(caller.accountId, path.licenceId, body.toComputerId, actor) };
});
