// Staff: replaces a canned reply's title, body and language; audited.

import { httpHandler } from '#shared/http/handler.ts';
import { updateCannedReply } from '#shared/tickets/canned-replies.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.updateCannedReply, async ({ path, body, audit }) => ({
  body: await updateCannedReply(path.cannedReplyId, body, audit.staff.email ?? audit.staff.userId, now(), (write) => audit.commit(write)),
}));
