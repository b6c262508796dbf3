// Owner: gives a person of the account another role (never taking the last owner away).

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { changeRole } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.changeRole, async ({ customer, path, body }) => ({
  body: await changeRole(customer, path.personId, body.role),
}));
