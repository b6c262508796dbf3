// The people of the account the caller acts for, with their roles; owners also see the pending invitations.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { listPeople } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = customerHttpHandler(api.listPeople, async ({ customer }) => ({ body: await listPeople(customer) }));
