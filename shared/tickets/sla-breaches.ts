// The hourly SLA check: every open ticket whose first-response or resolution due time has passed is marked as breached
// and its assignee (or, unassigned, the support desk) is mailed, once per ticket and target however often it runs.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage } from '#shared/db/page.ts';
import { config } from '#shared/config.ts';
import { brand } from '#shared/brand.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import { sendMail } from '#shared/mail/send.ts';
import { withFooter } from '#shared/mail/templates.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { logger } from '#shared/observability/logger.ts';
import { staffUserFromItem, staffUserKey } from '#shared/staff/staff-user.ts';
import { appendToThread, findTicket, type Ticket, ticketFromItem } from '#shared/tickets/model.ts';

export type SlaTargetName = 'first-response' | 'resolution';

/** The page size of the queue walk: the job reads the open queue to its end, this many tickets per Query. */
export const BREACH_SCAN_PAGE = 100;
/** Attempts per ticket when another change wins the race for it (it is read again and checked again). */
const ATTEMPTS = 3;

/** The targets of this ticket whose due time has passed at `now` and that are not marked yet. */
export function dueBreaches(ticket: Ticket, now: Date): SlaTargetName[] {
  const at = now.toISOString();
  const marked = new Set(ticket.breached ?? []);
  const found: SlaTargetName[] = [];
  if (ticket.status === 'closed' || ticket.mergedInto !== undefined) return found;
  if (ticket.firstResponseDueAt && !ticket.firstResponseAt && ticket.firstResponseDueAt <= at && !marked.has('first-response'))
    found.push('first-response');
  if (
    ticket.resolutionDueAt &&
    ticket.status !== 'resolved' &&
    !ticket.resolvedAt &&
    ticket.resolutionDueAt <= at &&
    !marked.has('resolution')
  )
    found.push('resolution');
  return found;
}

function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'TransactionCanceledException' || name === 'ConditionalCheckFailedException';
}

/** A time after the ticket's last change, so the mark is itself a change other writers' conditions see. */
function changeTime(ticket: Ticket, now: Date): string {
  const at = now.toISOString();
  return at > ticket.updatedAt ? at : new Date(new Date(ticket.updatedAt).getTime() + 1).toISOString();
}

async function assigneeLocale(userId: string): Promise<Locale> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: staffUserKey(userId) }));
  return found.Item ? staffUserFromItem(found.Item).locale : DEFAULT_LOCALE;
}

export function slaBreachMail(to: string, ticket: Ticket, targets: readonly SlaTargetName[], locale: Locale): Mail {
  const texts = mailMessages(locale).slaBreach;
  const link = `${config().portalUrl}/admin/tickets/${ticket.ticketNumber}`;
  return withFooter(locale, {
    to,
    from: config().supportMailFrom,
    subject: texts.subject(ticket.ticketNumber, ticket.subject),
    text: texts.text({
      productName: brand().productName,
      ticketNumber: ticket.ticketNumber,
      accountName: ticket.accountName,
      priority: texts.priority[ticket.priority],
      targets: targets.map((target) => texts.target[target]).join(texts.and),
      dueAt: ((targets.includes('first-response') ? ticket.firstResponseDueAt : ticket.resolutionDueAt) ?? '')
        .slice(0, 16)
        .replace('T', ' '),
      link,
    }),
  });
}

/**
 * Marks one ticket's passed due times: the ticket (conditioned on its last change, so no update is lost either way)
 * and one claim item per target (written only if absent) in one transaction, then one mail. Two runs at once: one
 * transaction wins, the other finds the claims and the marks and mails nothing.
 */
async function markTicket(ticketNumber: number, now: Date): Promise<SlaTargetName[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ticket = await findTicket(ticketNumber);
    if (!ticket) return [];
    const targets = dueBreaches(ticket, now);
    if (targets.length === 0) return [];
    const claims = targets.map((target) => ({
      Put: {
        TableName: tableName(),
        Item: { ...keys.slaBreachClaim(ticketNumber, target), type: 'SlaBreachClaim', ticketNumber, target, at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    }));
    let marked: Ticket;
    try {
      marked = await appendToThread(
        ticket,
        undefined,
        { breached: [...(ticket.breached ?? []), ...targets], updatedAt: changeTime(ticket, now) },
        claims,
      );
    } catch (error) {
      if (isConditionFailure(error)) continue;
      throw error;
    }
    const to = marked.assignee?.email ?? config().supportMailFrom.replace(/^.*<([^>]+)>.*$/, '$1');
    const locale = marked.assignee ? await assigneeLocale(marked.assignee.userId) : DEFAULT_LOCALE;
    await sendMail(slaBreachMail(to, marked, targets, locale));
    return targets;
  }
  logger.warn('a ticket kept changing while its SLA breach was marked; the next run tries again', { ticketNumber });
  return [];
}

export interface BreachRun {
  /** Open tickets read from the queue. */
  checked: number;
  /** Tickets marked (and mailed) by this run, with the targets. */
  marked: Array<{ ticketNumber: number; targets: SlaTargetName[] }>;
  /** Queries of the queue. */
  pages: number;
}

/** Walks the open queue (GSI2 `TICKETS#OPEN`) page by page to its end and marks every ticket whose due time passed. */
export async function markSlaBreaches(now: Date): Promise<BreachRun> {
  const run: BreachRun = { checked: 0, marked: [], pages: 0 };
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      { index: 'GSI2', partition: keys.ticketQueue(true, '', 0).GSI2PK, limit: BREACH_SCAN_PAGE, ...(cursor ? { cursor } : {}) },
      ticketFromItem,
    );
    run.pages += 1;
    run.checked += page.items.length;
    for (const candidate of page.items) {
      // The index is eventually consistent: it only nominates; markTicket reads the ticket itself before deciding.
      if (dueBreaches(candidate, now).length === 0) continue;
      const targets = await markTicket(candidate.ticketNumber, now);
      if (targets.length) run.marked.push({ ticketNumber: candidate.ticketNumber, targets });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return run;
}
