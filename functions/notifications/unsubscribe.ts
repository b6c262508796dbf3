// One-click unsubscribe from a marketing mail (the page's button, or the mail client's RFC 8058 POST).

import { httpHandler } from '#shared/http/handler.ts';
import { unsubscribeByLink } from '#shared/notifications/mailing-state.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = httpHandler(api.unsubscribe, async ({ query }) => {
  return { body: await unsubscribeByLink(query) };
});
