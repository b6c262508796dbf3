// The staff queue (issue #13) through the local API Gateway: the saved views and filters over GSI2, the ticket with its
// internal notes, assignment, internal notes that never reach the customer (not in their thread read, not mailed),
// public replies and status changes mailed to the requester and the support recipients with the number in the
// subject, and each write audited in the same transaction.

import { PutCommand, QueryCommand } from '#shared/db/commands.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '#shared/db/client.ts';
import { notificationRecipientsItem } from '#shared/notifications/recipients.ts';
import { findTicket, nextTicketNumber, readThread, type Ticket, ticketItem } from '#shared/tickets/model.ts';
import { addMember, call, createCustomer, createStaffUser, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';
import { inject } from 'vitest';

let api: TestApi;
let staff: { token: string; userId: string; email: string };
let colleague: { userId: string; email: string };
let billingToken: string;
let customer: Awaited<ReturnType<typeof createCustomer>>;

beforeAll(async () => {
  api = await startTestApi();
  const me = await createStaffUser(['support']);
  staff = { token: await signIn(api, 'staff', me), userId: me.userId, email: me.email };
  colleague = await createStaffUser(['admin']);
  billingToken = await signIn(api, 'staff', await createStaffUser(['billing']));
  customer = await createCustomer([]);
});
afterAll(() => api.stop());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A ticket of the test's customer, written as the entity (the customer's create route is another area's). */
async function putTicket(overrides: Partial<Ticket> = {}): Promise<Ticket> {
  const ticketNumber = await nextTicketNumber();
  const at = overrides.updatedAt ?? new Date().toISOString();
  const ticket: Ticket = {
    ticketNumber,
    accountId: customer.account.accountId,
    accountName: customer.account.name,
    kind: 'administrative',
    relation: 'billing',
    subject: `Invoice question ${ticketNumber}`,
    description: 'Where is my invoice?',
    priority: 'normal',
    status: 'new',
    requester: { userId: customer.userId, email: customer.login.email },
    createdAt: at,
    updatedAt: at,
    messageCount: 0,
    ...overrides,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
  return ticket;
}

/** Every page of a queue view for the test's account (other test files' tickets share the queue partition). */
async function queue(view: string, extra = '', token = staff.token): Promise<number[]> {
  const numbers: number[] = [];
  let cursor: string | undefined;
  do {
    const query = `view=${view}&accountId=${encodeURIComponent(customer.account.accountId)}&limit=100${extra}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await call(api, 'GET', `/api/admin/tickets?${query}`, { token });
    expect(page.status).toBe(200);
    numbers.push(...page.body.items.map((row: { ticketNumber: number }) => row.ticketNumber));
    cursor = page.body.nextCursor;
  } while (cursor);
  return numbers;
}

async function auditFor(ticketNumber: number): Promise<Array<Record<string, unknown>>> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#TARGET#ticket#${ticketNumber}` },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

describe('the staff queue', () => {
  it('lists each saved view: all open, mine, unassigned, breaching, closed; with priority and kind filters', async () => {
    const mine = await putTicket({ assignee: { userId: staff.userId, email: staff.email }, status: 'open', priority: 'high' });
    const theirs = await putTicket({ assignee: { userId: colleague.userId, email: colleague.email }, status: 'open', kind: 'technical' });
    const unassigned = await putTicket({ updatedAt: minutesAgo(5) });
    const overdue = await putTicket({ firstResponseDueAt: minutesAgo(10), updatedAt: minutesAgo(20), priority: 'urgent' });
    const answeredInTime = await putTicket({ firstResponseDueAt: minutesAgo(10), firstResponseAt: minutesAgo(30) });
    const breached = await putTicket({ breached: ['resolution'], status: 'open', assignee: { userId: staff.userId, email: staff.email } });
    const closed = await putTicket({ status: 'closed', closedAt: minutesAgo(1) });

    const allOpen = await queue('all-open');
    expect(allOpen).toEqual(
      expect.arrayContaining([mine, theirs, unassigned, overdue, answeredInTime, breached].map((t) => t.ticketNumber)),
    );
    expect(allOpen).not.toContain(closed.ticketNumber);
    expect((await queue('mine')).sort()).toEqual([mine.ticketNumber, breached.ticketNumber].sort());
    expect((await queue('unassigned')).sort()).toEqual([unassigned.ticketNumber, overdue.ticketNumber, answeredInTime.ticketNumber].sort());
    expect((await queue('breaching')).sort()).toEqual([overdue.ticketNumber, breached.ticketNumber].sort());
    expect(await queue('closed')).toEqual([closed.ticketNumber]);
    expect(await queue('all-open', '&priority=urgent')).toEqual([overdue.ticketNumber]);
    expect(await queue('all-open', '&kind=technical')).toEqual([theirs.ticketNumber]);
  });

  it('orders by last change, newest first by default and oldest first on request, and pages with a cursor', async () => {
    const other = await createCustomer([]);
    const numbers: number[] = [];
    for (const minutes of [30, 20, 10]) {
      const ticketNumber = await nextTicketNumber();
      const at = minutesAgo(minutes);
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: ticketItem({
            ticketNumber,
            accountId: other.account.accountId,
            accountName: other.account.name,
            kind: 'administrative',
            subject: `Order ${minutes}`,
            description: 'x',
            priority: 'low',
            status: 'open',
            requester: { userId: other.userId, email: other.login.email },
            createdAt: at,
            updatedAt: at,
            messageCount: 0,
          }),
        }),
      );
      numbers.push(ticketNumber);
    }
    const read = async (sort: string) => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          api,
          'GET',
          `/api/admin/tickets?accountId=${other.account.accountId}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          {
            token: staff.token,
          },
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((row: { ticketNumber: number }) => row.ticketNumber));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await read('desc')).toEqual([...numbers].reverse());
    expect(await read('asc')).toEqual(numbers);
  });

  it('answers the queue row with company, requester, assignee and due times; refuses a forged cursor with 400', async () => {
    const ticket = await putTicket({ firstResponseDueAt: minutesAgo(-60), resolutionDueAt: minutesAgo(-600), status: 'open' });
    const page = await call(api, 'GET', `/api/admin/tickets?accountId=${customer.account.accountId}&limit=100`, { token: staff.token });
    const row = page.body.items.find((item: { ticketNumber: number }) => item.ticketNumber === ticket.ticketNumber);
    expect(row).toMatchObject({
      accountName: customer.account.name,
      requester: { email: customer.login.email },
      firstResponseDueAt: ticket.firstResponseDueAt,
      resolutionDueAt: ticket.resolutionDueAt,
    });
    expect(row.description).toBeUndefined();
    // A cursor of another index's keys (or none at all): refused before any Query.
    const forged = Buffer.from(JSON.stringify({ PK: 'x', SK: 'y', GSI1PK: 'ACCOUNT#z', GSI1SK: 'w' })).toString('base64url');
    const refused = await call(api, 'GET', `/api/admin/tickets?cursor=${forged}`, { token: staff.token });
    expect(refused.status).toBe(400);
  });

  it('lets billing staff read the queue and a ticket but not write', async () => {
    const ticket = await putTicket();
    expect((await call(api, 'GET', `/api/admin/tickets/${ticket.ticketNumber}`, { token: billingToken })).status).toBe(200);
    const write = await call(api, 'POST', `/api/admin/tickets/${ticket.ticketNumber}/notes`, { token: billingToken, body: { body: 'x' } });
    expect(write.status).toBe(403);
  });
});

describe('working a ticket', () => {
  it('assigns to me, to a colleague and to nobody; a new ticket becomes open; an unknown staff user is a 404', async () => {
    const ticket = await putTicket();
    const path = `/api/admin/tickets/${ticket.ticketNumber}/assignee`;
    const toMe = await call(api, 'PUT', path, { token: staff.token, body: { assignee: 'me' } });
    expect(toMe.status).toBe(200);
    expect(toMe.body).toMatchObject({ status: 'open', assignee: { userId: staff.userId, email: staff.email } });
    const toColleague = await call(api, 'PUT', path, { token: staff.token, body: { assignee: colleague.userId } });
    expect(toColleague.body.assignee).toEqual({ userId: colleague.userId, email: colleague.email });
    const toNobody = await call(api, 'PUT', path, { token: staff.token, body: { assignee: null } });
    expect(toNobody.status).toBe(200);
    expect(toNobody.body.assignee).toBeUndefined();
    expect((await findTicket(ticket.ticketNumber))?.assignee).toBeUndefined();
    expect((await call(api, 'PUT', path, { token: staff.token, body: { assignee: 'no-such-staff-user' } })).status).toBe(404);

    const detail = await call(api, 'GET', `/api/admin/tickets/${ticket.ticketNumber}`, { token: staff.token });
    expect(detail.body.thread).toEqual([expect.objectContaining({ entry: 'status', statusFrom: 'new', statusTo: 'open' })]);
    const entries = await auditFor(ticket.ticketNumber);
    expect(entries.map((entry) => entry.action)).toEqual(['ticket.assign', 'ticket.assign', 'ticket.assign']);
    expect(entries[0]).toMatchObject({
      actor: { userId: staff.userId },
      target: { kind: 'ticket', accountId: customer.account.accountId },
    });
  });

  it('keeps an internal note from the customer: in the staff thread, marked; not in the customer’s thread; not mailed', async () => {
    const ticket = await putTicket({ status: 'open' });
    const note = await call(api, 'POST', `/api/admin/tickets/${ticket.ticketNumber}/notes`, {
      token: staff.token,
      body: { body: 'Customer is on the old version; do not mention the discount.' },
    });
    expect(note.status).toBe(201);
    const detail = await call(api, 'GET', `/api/admin/tickets/${ticket.ticketNumber}`, { token: staff.token });
    expect(detail.body.thread).toEqual([expect.objectContaining({ visibility: 'internal', body: expect.stringContaining('discount') })]);
    const customerThread = await readThread(ticket.ticketNumber, { publicOnly: true });
    expect(customerThread.messages).toEqual([]);
    const mails = await mailsTo(inject('mailUrl'), customer.login.email);
    expect(mails.filter((mail) => mail.subject.includes(`[#${ticket.ticketNumber}]`))).toEqual([]);
    expect((await auditFor(ticket.ticketNumber)).map((entry) => entry.action)).toEqual(['ticket.note']);
  });

  it('mails a public reply to the requester and the support recipients once each, with the number in the subject', async () => {
    const recipient = await addMember(customer.account.accountId, 'technical');
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: notificationRecipientsItem(customer.account.accountId, { support: [recipient.userId, customer.userId] }),
      }),
    );
    const ticket = await putTicket();
    const reply = await call(api, 'POST', `/api/admin/tickets/${ticket.ticketNumber}/replies`, {
      token: staff.token,
      body: { body: 'Please send us the **log file**.' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'waiting-for-customer', firstResponseAt: expect.any(String), messageCount: 1 });
    const subject = `[#${ticket.ticketNumber}] ${ticket.subject}`;
    for (const email of [customer.login.email, recipient.email]) {
      const got = (await mailsTo(inject('mailUrl'), email)).filter((mail) => mail.subject === subject);
      expect(got).toHaveLength(1);
      expect(got[0]!.body.text).toContain('Please send us the **log file**.');
      expect(got[0]!.body.text).toContain(`/tickets/${ticket.ticketNumber}`);
    }
    const customerThread = await readThread(ticket.ticketNumber, { publicOnly: true });
    expect(customerThread.messages).toEqual([
      expect.objectContaining({ visibility: 'public', entry: 'reply', statusTo: 'waiting-for-customer' }),
    ]);

    // A second reply keeps the first response time and may set another status.
    const second = await call(api, 'POST', `/api/admin/tickets/${ticket.ticketNumber}/replies`, {
      token: staff.token,
      body: { body: 'We are asking the vendor.', status: 'waiting-for-vendor' },
    });
    expect(second.body).toMatchObject({ status: 'waiting-for-vendor', firstResponseAt: reply.body.firstResponseAt });
    expect((await auditFor(ticket.ticketNumber)).map((entry) => entry.action)).toEqual(['ticket.reply', 'ticket.reply']);
  });

  it('sets any status, stamps resolved and closed times, mails the change, and refuses the same status with 409', async () => {
    const ticket = await putTicket({ status: 'open' });
    const path = `/api/admin/tickets/${ticket.ticketNumber}/status`;
    const resolved = await call(api, 'PUT', path, { token: staff.token, body: { status: 'resolved', comment: 'Fixed in 5.2.' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    const mail = (await mailsTo(inject('mailUrl'), customer.login.email)).filter((m) => m.subject.startsWith(`[#${ticket.ticketNumber}]`));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body.text).toContain('Fixed in 5.2.');
    const closed = await call(api, 'PUT', path, { token: staff.token, body: { status: 'closed' } });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect(await queue('closed')).toContain(ticket.ticketNumber);
    expect(await queue('all-open')).not.toContain(ticket.ticketNumber);
    const again = await call(api, 'PUT', path, { token: staff.token, body: { status: 'closed' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STATUS_UNCHANGED');
    const entries = await auditFor(ticket.ticketNumber);
    expect(entries.map((entry) => entry.action)).toEqual(['ticket.status', 'ticket.status']);
    expect(entries[0]!.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'open', after: 'resolved' }]));
  });

  it('answers 404 for an unknown ticket and 400 for a bad number or an empty reply', async () => {
    expect((await call(api, 'GET', '/api/admin/tickets/999999999', { token: staff.token })).status).toBe(404);
    expect((await call(api, 'GET', '/api/admin/tickets/abc', { token: staff.token })).status).toBe(400);
    const ticket = await putTicket();
    const empty = await call(api, 'POST', `/api/admin/tickets/${ticket.ticketNumber}/replies`, {
      token: staff.token,
      body: { body: '  ' },
    });
    expect(empty.status).toBe(400);
  });
});
