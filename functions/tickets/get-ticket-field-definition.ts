// Staff: the ticket fields a catalogue product asks, for the editor.

import { httpHandler } from '#shared/http/handler.ts';
import { getTicketFieldsForStaff } from '#shared/tickets/ticket-fields-store.ts';
import * as api from '#shared/api/tickets.ts';

export const handler = httpHandler(api.getTicketFieldDefinition, async ({ path }) => ({
  body: await getTicketFieldsForStaff(path.productId),
}));
