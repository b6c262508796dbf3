// Staff: the ticket queue in one of its saved views, with filters, a page at a time.

import { staffCaller } from '#shared/accounts/caller.ts';
import * as api from '#shared/api/staff-tickets.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listQueue, toQueueRow } from '#shared/tickets/staff-queue.ts';

export const handler = httpHandler(api.listQueue, async ({ query, event }) => {
  const staff = await staffCaller(event);
  const page = await listQueue(
    {
      view: query.view ?? 'all-open',
      sort: query.sort ?? 'desc',
      ...(query.priority ? { priority: query.priority } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.product ? { productId: query.product } : {}),
      ...(query.accountId ? { accountId: query.accountId } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
    staff.userId,
  );
  return { body: { items: page.items.map(toQueueRow), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
});
