// SLA targets of support tickets: the first-response and resolution times each contract level promises per priority,
// and the due times they give a ticket, counted in the desk's business hours (critical contracts: round the clock).

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { contractFromItem, contractKey } from '#shared/contracts/contract.ts';
import { SLA_LEVELS, SLA_RESPONSE, type SlaLevel } from '#shared/contracts/fields.ts';
import { addBusinessMinutes, type SupportCalendar } from '#shared/tickets/business-hours.ts';
import type { Ticket, TicketPriority } from '#shared/tickets/model.ts';

export { SLA_LEVELS, type SlaLevel };

export interface SlaTarget {
  /** Business minutes from opening to the first public staff reply. */
  firstResponse: number;
  /** Business minutes from opening to resolution. */
  resolution: number;
}

const HOUR = 60;
/** A business day of the default calendar (08:00-17:00). */
const DAY = 9 * HOUR;

/**
 * The promise of each level (docs/operations.md, "SLA targets"). The normal priority's first response is the level's
 * advertised response time (shared/contracts/fields.ts SLA_RESPONSE); critical contracts count round the clock.
 */
export const SLA_TARGETS: Record<SlaLevel, Record<TicketPriority, SlaTarget>> = {
  standard: {
    low: { firstResponse: 16 * HOUR, resolution: 10 * DAY },
    normal: { firstResponse: SLA_RESPONSE.standard.hours * HOUR, resolution: 5 * DAY },
    high: { firstResponse: 4 * HOUR, resolution: 3 * DAY },
    urgent: { firstResponse: 2 * HOUR, resolution: 2 * DAY },
  },
  priority: {
    low: { firstResponse: 8 * HOUR, resolution: 5 * DAY },
    normal: { firstResponse: SLA_RESPONSE.priority.hours * HOUR, resolution: 3 * DAY },
    high: { firstResponse: 2 * HOUR, resolution: 2 * DAY },
    urgent: { firstResponse: 1 * HOUR, resolution: 1 * DAY },
  },
  critical: {
    low: { firstResponse: 4 * HOUR, resolution: 72 * HOUR },
    normal: { firstResponse: SLA_RESPONSE.critical.hours * HOUR, resolution: 24 * HOUR },
    high: { firstResponse: 30, resolution: 12 * HOUR },
    urgent: { firstResponse: 15, resolution: 4 * HOUR },
  },
};

/** The calendar a level counts in: the desk's, or every minute of every day in the desk's time zone (critical). */
export function slaCalendar(level: SlaLevel, calendar: SupportCalendar): SupportCalendar {
  return SLA_RESPONSE[level].businessHoursOnly
    ? calendar
    : { timeZone: calendar.timeZone, workingDays: [1, 2, 3, 4, 5, 6, 7], hours: { start: '00:00', end: '24:00' }, holidays: [] };
}

/** The level a ticket is served at: its contract's for technical tickets, the standard level for administrative ones. */
export function effectiveSlaLevel(ticket: Pick<Ticket, 'kind'>, contractLevel: SlaLevel | undefined): SlaLevel {
  return ticket.kind === 'technical' && contractLevel ? contractLevel : 'standard';
}

/**
 * The ticket with its first-response and resolution due times, counted from its opening at its priority and the
 * level (administrative tickets: standard). A priority change calls it again: the due times move, the opening does not.
 */
export function withSlaDueTimes(ticket: Ticket, slaLevel: SlaLevel | undefined, calendar: SupportCalendar): Ticket {
  const level = effectiveSlaLevel(ticket, slaLevel);
  const target = SLA_TARGETS[level][ticket.priority];
  const counting = slaCalendar(level, calendar);
  const opened = new Date(ticket.createdAt);
  return {
    ...ticket,
    slaLevel: level,
    firstResponseDueAt: addBusinessMinutes(opened, target.firstResponse, counting).toISOString(),
    resolutionDueAt: addBusinessMinutes(opened, target.resolution, counting).toISOString(),
  };
}

/** The SLA level of a ticket's contract (one GetItem), or undefined for a ticket without a contract or one since deleted. */
export async function contractSlaLevel(contractNumber: string | undefined): Promise<SlaLevel | undefined> {
  if (!contractNumber) return undefined;
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: contractKey(contractNumber) }));
  return result.Item ? contractFromItem(result.Item).sla : undefined;
}
