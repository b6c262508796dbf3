// Checks a signed unsubscribe link for the public unsubscribe page, and says whether that person is still subscribed.

import { httpHandler } from '#shared/http/handler.ts';
import { unsubscribeLinkState } from '#shared/notifications/mailing-state.ts';
import * as api from '#shared/api/notifications.ts';

export const handler = httpHandler(api.checkUnsubscribeLink, async ({ query }) => {
  return { body: await unsubscribeLinkState(query) };
});
