// Owner: removes a person from the account (never the last owner); their next call for it is refused.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { removePerson } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.removePerson, async ({ customer, path }) => {
  await removePerson(customer, path.personId);
  return { status: 204 };
});
