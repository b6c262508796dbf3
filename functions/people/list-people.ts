// The people of the account the caller acts for, with their roles; owners also see the pending invitations.

import { httpHandler } from '#shared/http/handler.ts';
import { listPeople } from '#shared/people/people.ts';
import * as api from '#shared/api/people.ts';

export const handler = httpHandler(api.listPeople, async ({ customer }) => ({ body: await listPeople(customer) }));
