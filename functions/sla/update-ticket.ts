// Staff: changes a ticket's kind, priority or asset, and counts its SLA due times again; audited.

import { httpHandler } from '#shared/http/handler.ts';
import { changeTicket, toStaffTicket } from '#shared/tickets/staff-changes.ts';
import { now } from '#shared/time.ts';
import * as api from '#shared/api/sla.ts';

export const handler = httpHandler(api.updateTicket, async ({ path, body, audit }) => {
  const { reason: _reason, ...edit } = body;
  return { body: toStaffTicket(await changeTicket(path.ticketNumber, edit, now(), (write) => audit.commit(write))) };
});
