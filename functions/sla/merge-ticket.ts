// Staff: merges a duplicate ticket into another ticket of the same account (the duplicate closes, the target is told); audited.

import { httpHandler } from '#shared/http/handler.ts';
import { mergeTicket, toStaffTicket } from '#shared/tickets/staff-changes.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.mergeTicket, async ({ path, body, audit }) => {
  const merged = await mergeTicket(path.ticketNumber, body.intoTicketNumber, audit.staff, now(), (write) => audit.commit(write));
  return { body: { duplicate: toStaffTicket(merged.duplicate), target: toStaffTicket(merged.target) } };
});
