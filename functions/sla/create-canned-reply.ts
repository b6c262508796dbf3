// Staff: adds a canned reply (title, Markdown body, language), at most 200 in all; audited.

import { httpHandler } from '#shared/http/handler.ts';
import { createCannedReply } from '#shared/tickets/canned-replies.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.createCannedReply, async ({ body, audit }) => ({
  status: 201,
  body: await createCannedReply(body, audit.staff.email ?? audit.staff.userId, now(), (write) => audit.commit(write)),
}));
