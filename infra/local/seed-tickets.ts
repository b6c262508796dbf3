// Demo tickets of the demo customer (Nordwind), so `npm start` and the browser tests show the customer's ticket list and
// conversation: one waiting for the customer (a staff reply and an internal note), one closed a few days ago. Written
// once: an account that already has tickets keeps them (and the numbers come from the counter, like real ones).

import { PutCommand, QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { now } from '#shared/time.ts';
import { accountTicketsPartition } from '#shared/tickets/customer-tickets.ts';
import { nextTicketNumber, type Ticket, type TicketMessage, ticketItem, ticketMessageItem } from '#shared/tickets/model.ts';

const HOUR_MS = 60 * 60 * 1000;

export const DEMO_TICKET_SUBJECTS = {
  waiting: 'New invoice address from March',
  closed: 'Move a licence to the new server',
} as const;

export async function seedDemoTickets(customer: { accountId: string; accountName: string; userId: string; email: string; name: string }) {
  const existing = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': accountTicketsPartition(customer.accountId) },
      Limit: 1,
    }),
  );
  if (existing.Items?.length) return;
  const at = (hoursAgo: number) => new Date(now().getTime() - hoursAgo * HOUR_MS);
  const requester = { userId: customer.userId, email: customer.email, name: customer.name };
  const staff = { kind: 'staff' as const, userId: 'demo-staff', email: 'support@vendor.example', name: 'Marek (Support)' };
  const message = (hoursAgo: number, fields: Omit<TicketMessage, 'messageId' | 'at' | 'via'>): TicketMessage => ({
    messageId: newId(at(hoursAgo)),
    at: at(hoursAgo).toISOString(),
    via: 'portal',
    ...fields,
  });

  const waitingNumber = await nextTicketNumber();
  const waitingReply = message(20, {
    author: staff,
    visibility: 'public',
    entry: 'reply',
    body: 'Thank you. Could you send us the **new address** and the date from which it applies?',
    statusFrom: 'open',
    statusTo: 'waiting-for-customer',
  });
  const waiting: Ticket = {
    ticketNumber: waitingNumber,
    accountId: customer.accountId,
    accountName: customer.accountName,
    kind: 'administrative',
    relation: 'billing',
    subject: DEMO_TICKET_SUBJECTS.waiting,
    description: 'We are moving in March. Please put the new address on our invoices.',
    priority: 'normal',
    status: 'waiting-for-customer',
    requester,
    createdAt: at(30).toISOString(),
    updatedAt: at(19).toISOString(),
    firstResponseAt: waitingReply.at,
    messageCount: 2,
    lastEntry: { entry: 'reply', by: 'staff', at: waitingReply.at, statusTo: 'waiting-for-customer' },
  };
  const note = message(19, {
    author: staff,
    visibility: 'internal',
    entry: 'reply',
    body: 'Internal: billing needs the VAT id confirmed before changing the address.',
  });

  const closedNumber = await nextTicketNumber();
  const closedReply = message(80, {
    author: staff,
    visibility: 'public',
    entry: 'reply',
    body: 'Done: the licence is free, activate it on the new server.',
    statusFrom: 'open',
    statusTo: 'resolved',
  });
  const closing = message(72, {
    author: { kind: 'customer', userId: customer.userId, email: customer.email, name: customer.name },
    visibility: 'public',
    entry: 'status',
    body: '',
    statusFrom: 'resolved',
    statusTo: 'closed',
  });
  const closed: Ticket = {
    ticketNumber: closedNumber,
    accountId: customer.accountId,
    accountName: customer.accountName,
    kind: 'administrative',
    relation: 'licensing',
    subject: DEMO_TICKET_SUBJECTS.closed,
    description: 'Our old server is retired. Please free the licence so we can activate it on the new one.',
    priority: 'high',
    status: 'closed',
    requester,
    createdAt: at(96).toISOString(),
    updatedAt: closing.at,
    firstResponseAt: closedReply.at,
    resolvedAt: closedReply.at,
    closedAt: closing.at,
    messageCount: 1,
    lastEntry: { entry: 'status', by: 'customer', at: closing.at, statusTo: 'closed' },
  };

  for (const item of [
    ticketItem(waiting),
    ticketMessageItem(waitingNumber, waitingReply),
    ticketMessageItem(waitingNumber, note),
    ticketItem(closed),
    ticketMessageItem(closedNumber, closedReply),
    ticketMessageItem(closedNumber, closing),
  ]) {
    await db().send(new PutCommand({ TableName: tableName(), Item: item }));
  }
}
