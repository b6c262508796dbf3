// Shows the signed-in person their IP allow-list, the address they are using now and whether the list allows it.

import { getPerson } from '#shared/accounts/person.ts';
import { allowListView } from '#shared/security/allow-list.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import * as api from '#shared/api/security.ts';

export const handler = customerHttpHandler(api.getIpAllowList, async ({ customer }) => {
  // The person was read by the caller check: no further read, but for staff viewing the account (the owner's person is
  // not read for them).
  const person = customer.viewingStaffUserId ? await getPerson(customer.userId) : customer.person;
  return { body: allowListView(person, customer.sourceIp) };
});
