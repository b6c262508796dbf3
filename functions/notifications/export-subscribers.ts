// Staff (admin): downloads the mailing list's current subscribers as CSV, one part of at most 5,000 at a time.

import { httpHandler } from '#shared/http/handler.ts';
import { exportSubscribers } from '#shared/notifications/mailing.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = httpHandler(api.exportSubscribers, async ({ query }) => {
  const part = await exportSubscribers('news', query.cursor);
  const headers: Record<string, string> = part.nextCursor ? { 'x-next-cursor': part.nextCursor } : {};
  return {
    file: { contentType: 'text/csv; charset=utf-8', filename: 'mailing-list-subscribers.csv', content: part.csv },
    headers,
  };
});
