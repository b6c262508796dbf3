// The monthly SLA report: for the tickets resolved in a month (UTC), first-response and resolution times in business
// minutes (median, average, share within target) per SLA level and priority. The daily job computes it from the two
// queues and keeps it in one item per month; the staff page reads that item (one GetItem).

import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { businessMinutesBetween, type SupportCalendar } from '#shared/tickets/business-hours.ts';
import { TICKET_PRIORITIES, type Ticket, type TicketPriority, ticketFromItem } from '#shared/tickets/model.ts';
import { SLA_LEVELS, type SlaLevel, slaCalendar } from '#shared/tickets/sla.ts';
import * as z from '#shared/validation.ts';

export interface SlaStat {
  /** Tickets measured (a ticket resolved without a staff reply has no first-response time). */
  count: number;
  medianMinutes: number;
  averageMinutes: number;
  /** 0 to 1: the share met by its due time. */
  withinTargetShare: number;
}

export interface SlaReportRow {
  slaLevel: SlaLevel;
  priority: TicketPriority;
  tickets: number;
  firstResponse?: SlaStat;
  resolution?: SlaStat;
}

export interface SlaReport {
  month: string;
  computedAt: string;
  rows: SlaReportRow[];
}

const statSchema = () =>
  z.object({ count: z.number(), medianMinutes: z.number(), averageMinutes: z.number(), withinTargetShare: z.number() });

const reportSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    month: z.string(),
    computedAt: z.string(),
    rows: z.array(
      z.object({
        slaLevel: z.enum(SLA_LEVELS),
        priority: z.enum(TICKET_PRIORITIES),
        tickets: z.number(),
        firstResponse: z.optional(statSchema()),
        resolution: z.optional(statSchema()),
      }),
    ),
  }),
);

/** The page size of the queue walks. */
const PAGE = 100;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function stat(samples: Array<{ minutes: number; within: boolean }>): SlaStat | undefined {
  if (samples.length === 0) return undefined;
  const sorted = samples.map((sample) => sample.minutes).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    count: samples.length,
    medianMinutes: round(median),
    averageMinutes: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    withinTargetShare: Math.round((samples.filter((sample) => sample.within).length / samples.length) * 1000) / 1000,
  };
}

/** When a ticket was resolved: its resolution, else its closing (closed without resolving). */
function resolvedAt(ticket: Ticket): string | undefined {
  return ticket.resolvedAt ?? ticket.closedAt;
}

/** The report of tickets resolved in `month` (yyyy-mm), from tickets already read. Pure: the tests feed it directly. */
export function buildSlaReport(month: string, tickets: readonly Ticket[], calendar: SupportCalendar, computedAt: string): SlaReport {
  const groups = new Map<
    string,
    { first: Array<{ minutes: number; within: boolean }>; resolution: Array<{ minutes: number; within: boolean }>; tickets: number }
  >();
  for (const ticket of tickets) {
    const resolved = resolvedAt(ticket);
    // Duplicates merged away were never worked on their own.
    if (!resolved || !resolved.startsWith(month) || ticket.mergedInto !== undefined) continue;
    const level: SlaLevel = ticket.slaLevel ?? 'standard';
    const counting = slaCalendar(level, calendar);
    const key = `${level}|${ticket.priority}`;
    const group = groups.get(key) ?? { first: [], resolution: [], tickets: 0 };
    group.tickets += 1;
    const opened = new Date(ticket.createdAt);
    if (ticket.firstResponseAt) {
      group.first.push({
        minutes: businessMinutesBetween(opened, new Date(ticket.firstResponseAt), counting),
        within: !ticket.firstResponseDueAt || ticket.firstResponseAt <= ticket.firstResponseDueAt,
      });
    }
    group.resolution.push({
      minutes: businessMinutesBetween(opened, new Date(resolved), counting),
      within: !ticket.resolutionDueAt || resolved <= ticket.resolutionDueAt,
    });
    groups.set(key, group);
  }
  const rows: SlaReportRow[] = [];
  for (const slaLevel of SLA_LEVELS) {
    for (const priority of TICKET_PRIORITIES) {
      const group = groups.get(`${slaLevel}|${priority}`);
      if (!group) continue;
      const firstResponse = stat(group.first);
      const resolution = stat(group.resolution);
      rows.push({
        slaLevel,
        priority,
        tickets: group.tickets,
        ...(firstResponse ? { firstResponse } : {}),
        ...(resolution ? { resolution } : {}),
      });
    }
  }
  return { month, computedAt, rows };
}

async function walk(query: Parameters<typeof queryPage>[0], into: Ticket[]): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...query, limit: PAGE, ...(cursor ? { cursor } : {}) }, ticketFromItem);
    into.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * Reads the tickets that may have been resolved in the month: resolved ones still in the open queue, and the closed
 * queue from the month's first day on (a ticket's last change is never before its resolution). Never a Scan.
 */
export async function computeSlaReport(month: string, calendar: SupportCalendar, now: Date): Promise<SlaReport> {
  const tickets: Ticket[] = [];
  await walk({ index: 'GSI2', partition: keys.ticketQueue(true, '', 0).GSI2PK, where: { status: 'resolved' } }, tickets);
  await walk({ index: 'GSI2', partition: keys.ticketQueue(false, '', 0).GSI2PK, sortKeyBetween: [`${month}-01`, '9999'] }, tickets);
  return buildSlaReport(month, tickets, calendar, now.toISOString());
}

export async function storeSlaReport(report: SlaReport): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.slaReport(report.month), type: 'SlaReport', ...report } }));
}

/** The stored report of a month, or undefined before the job first computed it. */
export async function readSlaReport(month: string): Promise<SlaReport | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slaReport(month) }));
  return found.Item ? parseItem('SlaReport', reportSchema, found.Item) : undefined;
}

/** `yyyy-mm` of an instant (UTC). */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The daily job: this month's report, and in the first three days of a month last month's too (late closings). */
export async function refreshSlaReports(now: Date, calendar: SupportCalendar): Promise<string[]> {
  const months = [monthOf(now)];
  if (now.getUTCDate() <= 3) months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))));
  for (const month of months) await storeSlaReport(await computeSlaReport(month, calendar, now));
  return months;
}
