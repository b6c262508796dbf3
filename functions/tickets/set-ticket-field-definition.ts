// Staff: replaces the ticket fields of a catalogue product (audited); new technical tickets follow it at once.

import { httpHandler } from '#shared/http/handler.ts';
import { setTicketFields } from '#shared/tickets/ticket-fields-store.ts';
import * as api from '#shared/api/tickets.ts';

export const handler = httpHandler(api.setTicketFieldDefinition, async ({ audit, path, body }) => ({
  body: await setTicketFields(path.productId, body.fields, audit),
}));
