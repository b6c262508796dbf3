// Staff: removes a canned reply; audited.

import { httpHandler } from '#shared/http/handler.ts';
import { deleteCannedReply } from '#shared/tickets/canned-replies.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.deleteCannedReply, async ({ path, audit }) => {
  await deleteCannedReply(path.cannedReplyId, (write) => audit.commit(write));
  return { status: 204 };
});
