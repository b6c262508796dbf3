// The customer's tickets: who sees which in the list, its filters (closed hidden unless asked), one ticket with its public
// thread only, and the rules of reply, close, reopen (30 days) and rating, with a lost race answered 409.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { newId } from '#shared/ids.ts';
import { replyAs } from '#shared/tickets/customer-tickets.ts';
import { getTicket, nextTicketNumber, type Ticket, ticketItem, ticketMessageItem } from '#shared/tickets/model.ts';
import { resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { addMember, call, createCustomer, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());
afterEach(() => resetClockForTests());

const DAY_MS = 24 * 60 * 60 * 1000;

async function newAccount() {
  const customer = await createCustomer(purchases(1));
  const token = await signIn(api, 'customer', customer.login);
  return { accountId: customer.account.accountId, userId: customer.userId, email: customer.login.email, token };
}

async function member(accountId: string, role: CustomerRole) {
  const person = await addMember(accountId, role);
  return { ...person, token: await signIn(api, 'customer', person) };
}

let clockTick = 0;
/** A ticket written as its entity; each a millisecond later than the last, so the list's order is known. */
async function putTicket(accountId: string, requester: { userId: string; email: string }, fields: Partial<Ticket> = {}): Promise<Ticket> {
  const at = new Date(Date.now() + clockTick++).toISOString();
  const ticket: Ticket = {
    ticketNumber: await nextTicketNumber(),
    accountId,
    accountName: 'Thread test company',
    kind: 'administrative',
    relation: 'billing',
    subject: 'Invoice question',
    description: 'Where is the **invoice**?',
    priority: 'normal',
    status: 'open',
    requester,
    createdAt: at,
    updatedAt: at,
    messageCount: 0,
    ...fields,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
  return ticket;
}

async function putMessage(ticketNumber: number, visibility: 'public' | 'internal', body: string, kind: 'staff' | 'customer' = 'staff') {
  const at = new Date();
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: ticketMessageItem(ticketNumber, {
        messageId: newId(at),
        at: at.toISOString(),
        author: { kind, userId: 'staff-1', email: 'agent@vendor.test', name: 'Agent Smith' },
        visibility,
        entry: 'reply',
        body,
        via: 'portal',
      }),
    }),
  );
}

function numbers(body: { items: Array<{ ticketNumber: number }> }): number[] {
  return body.items.map((item) => item.ticketNumber);
}

describe('the ticket list', () => {
  it('shows owners and technical contacts every ticket of the account, billing and read-only people only their own', async () => {
    // Prepare
    const owner = await newAccount();
    const technical = await member(owner.accountId, 'technical');
    const billing = await member(owner.accountId, 'billing');
    const readOnly = await member(owner.accountId, 'read-only');
    const byOwner = await putTicket(owner.accountId, owner);
    const byBilling = await putTicket(owner.accountId, billing);
    const byReadOnly = await putTicket(owner.accountId, readOnly);
    const other = await newAccount();
    await putTicket(other.accountId, other);
    // Act
    const list = (person: { token: string }) => call(api, 'GET', '/api/tickets', { token: person.token });
    const [asOwner, asTechnical, asBilling, asReadOnly] = await Promise.all([list(owner), list(technical), list(billing), list(readOnly)]);
    // Assess: newest change first
    expect(asOwner.status).toBe(200);
    expect(numbers(asOwner.body)).toEqual([byReadOnly.ticketNumber, byBilling.ticketNumber, byOwner.ticketNumber]);
    expect(numbers(asTechnical.body)).toEqual([byReadOnly.ticketNumber, byBilling.ticketNumber, byOwner.ticketNumber]);
    expect(numbers(asBilling.body)).toEqual([byBilling.ticketNumber]);
    expect(numbers(asReadOnly.body)).toEqual([byReadOnly.ticketNumber]);
    expect(asOwner.body.items[0]).toMatchObject({ subject: 'Invoice question', accountName: 'Thread test company', status: 'open' });
  });

  it('hides closed tickets unless showClosed or status=closed asks for them', async () => {
    // Prepare
    const owner = await newAccount();
    const open = await putTicket(owner.accountId, owner);
    const closed = await putTicket(owner.accountId, owner, { status: 'closed', closedAt: new Date().toISOString() });
    // Act
    const byDefault = await call(api, 'GET', '/api/tickets', { token: owner.token });
    const withClosed = await call(api, 'GET', '/api/tickets?showClosed=true', { token: owner.token });
    const onlyClosed = await call(api, 'GET', '/api/tickets?status=closed', { token: owner.token });
    // Assess
    expect(numbers(byDefault.body)).toEqual([open.ticketNumber]);
    expect(numbers(withClosed.body)).toEqual([closed.ticketNumber, open.ticketNumber]);
    expect(numbers(onlyClosed.body)).toEqual([closed.ticketNumber]);
  });

  it('filters by kind, priority, asset and text in the subject (any case), and sorts oldest first on request', async () => {
    // Prepare
    const owner = await newAccount();
    const assetId = newId();
    const technical = await putTicket(owner.accountId, owner, {
      kind: 'technical',
      relation: undefined,
      assetId,
      assetLabel: 'Core switch',
      subject: 'Switch reboots at night',
      priority: 'urgent',
    });
    const admin = await putTicket(owner.accountId, owner, { subject: 'New invoice address', priority: 'low' });
    // Act
    const list = (query: string) => call(api, 'GET', `/api/tickets?${query}`, { token: owner.token });
    const [byKind, byPriority, byAsset, byText, ascending] = await Promise.all([
      list('kind=technical'),
      list('priority=low'),
      list(`assetId=${assetId}`),
      list('q=SWITCH'),
      list('sort=asc'),
    ]);
    // Assess
    expect(numbers(byKind.body)).toEqual([technical.ticketNumber]);
    expect(byKind.body.items[0]).toMatchObject({ assetLabel: 'Core switch', kind: 'technical' });
    expect(numbers(byPriority.body)).toEqual([admin.ticketNumber]);
    expect(numbers(byAsset.body)).toEqual([technical.ticketNumber]);
    expect(numbers(byText.body)).toEqual([technical.ticketNumber]);
    expect(numbers(ascending.body)).toEqual([technical.ticketNumber, admin.ticketNumber]);
  });

  it('pages with the page size and a cursor, one page at a time', async () => {
    // Prepare
    const owner = await newAccount();
    const made: number[] = [];
    for (let index = 0; index < 3; index++) made.push((await putTicket(owner.accountId, owner)).ticketNumber);
    // Act
    const first = await call(api, 'GET', '/api/tickets?limit=2', { token: owner.token });
    const second = await call(api, 'GET', `/api/tickets?limit=2&cursor=${first.body.nextCursor}`, { token: owner.token });
    // Assess
    expect(numbers(first.body)).toEqual([made[2], made[1]]);
    expect(numbers(second.body)).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('refuses a bad filter with 400', async () => {
    const owner = await newAccount();
    const answer = await call(api, 'GET', '/api/tickets?status=lost', { token: owner.token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('one ticket', () => {
  it('answers the public thread only: internal notes never reach the customer', async () => {
    // Prepare
    const owner = await newAccount();
    const ticket = await putTicket(owner.accountId, owner);
    await putMessage(ticket.ticketNumber, 'public', 'We are looking into it.');
    await putMessage(ticket.ticketNumber, 'internal', 'INTERNAL: customer is on an old build');
    // Act
    const answer = await call(api, 'GET', `/api/tickets/${ticket.ticketNumber}`, { token: owner.token });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.thread.map((entry: { body: string }) => entry.body)).toEqual(['We are looking into it.']);
    expect(answer.body.thread[0].author).toEqual({ kind: 'staff', name: 'Agent Smith' });
    expect(JSON.stringify(answer.body)).not.toContain('INTERNAL');
    expect(JSON.stringify(answer.body)).not.toContain('agent@vendor.test');
    expect(answer.body.actions).toEqual({ reply: true, close: true, reopen: false, rate: false });
  });

  it('answers 404 for another account’s ticket and for another person’s to a billing contact', async () => {
    // Prepare
    const owner = await newAccount();
    const billing = await member(owner.accountId, 'billing');
    const ownersTicket = await putTicket(owner.accountId, owner);
    const other = await newAccount();
    // Act
    const foreign = await call(api, 'GET', `/api/tickets/${ownersTicket.ticketNumber}`, { token: other.token });
    const notTheirs = await call(api, 'GET', `/api/tickets/${ownersTicket.ticketNumber}`, { token: billing.token });
    const replyForeign = await call(api, 'POST', `/api/tickets/${ownersTicket.ticketNumber}/replies`, {
      token: other.token,
      body: { body: 'hello' },
    });
    // Assess
    expect(foreign.status).toBe(404);
    expect(notTheirs.status).toBe(404);
    expect(replyForeign.status).toBe(404);
  });
});

describe('reply, close, reopen, rate', () => {
  it('a reply joins the thread; waiting-for-customer and resolved move to waiting-for-vendor, open stays open', async () => {
    // Prepare
    const owner = await newAccount();
    const waiting = await putTicket(owner.accountId, owner, { status: 'waiting-for-customer' });
    const resolved = await putTicket(owner.accountId, owner, { status: 'resolved', resolvedAt: new Date().toISOString() });
    const open = await putTicket(owner.accountId, owner, { status: 'open' });
    // Act
    const replies = await Promise.all(
      [waiting, resolved, open].map((ticket) =>
        call(api, 'POST', `/api/tickets/${ticket.ticketNumber}/replies`, { token: owner.token, body: { body: 'It happens **again**.' } }),
      ),
    );
    // Assess
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
    expect(replies.map((reply) => reply.body.status)).toEqual(['waiting-for-vendor', 'waiting-for-vendor', 'open']);
    expect(replies[0]?.body.thread.at(-1)).toMatchObject({
      entry: 'reply',
      body: 'It happens **again**.',
      author: { kind: 'customer' },
      statusFrom: 'waiting-for-customer',
      statusTo: 'waiting-for-vendor',
    });
    expect(replies[1]?.body.resolvedAt).toBeUndefined();
    const stored = await getTicket(waiting.ticketNumber);
    expect(stored.messageCount).toBe(1);
    expect(stored.lastEntry).toMatchObject({ entry: 'reply', by: 'customer', statusTo: 'waiting-for-vendor' });
  });

  it('refuses an empty reply, and a read-only person’s reply', async () => {
    const owner = await newAccount();
    const readOnly = await member(owner.accountId, 'read-only');
    const ticket = await putTicket(owner.accountId, readOnly);
    const empty = await call(api, 'POST', `/api/tickets/${ticket.ticketNumber}/replies`, { token: owner.token, body: { body: '  ' } });
    const refused = await call(api, 'POST', `/api/tickets/${ticket.ticketNumber}/replies`, { token: readOnly.token, body: { body: 'hi' } });
    expect(empty.status).toBe(400);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('closes with a status event; a closed ticket takes no reply (409 TICKET_CLOSED) until reopened', async () => {
    // Prepare
    const owner = await newAccount();
    const billing = await member(owner.accountId, 'billing');
    const ticket = await putTicket(owner.accountId, billing);
    const path = `/api/tickets/${ticket.ticketNumber}`;
    // Act: the requester (billing) closes their own ticket
    const closed = await call(api, 'POST', `${path}/close`, { token: billing.token });
    const replyWhileClosed = await call(api, 'POST', `${path}/replies`, { token: owner.token, body: { body: 'one more thing' } });
    const closeAgain = await call(api, 'POST', `${path}/close`, { token: owner.token });
    const reopened = await call(api, 'POST', `${path}/reopen`, { token: owner.token });
    const replyAfter = await call(api, 'POST', `${path}/replies`, { token: owner.token, body: { body: 'one more thing' } });
    // Assess
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', actions: { reply: false, close: false, reopen: true, rate: true } });
    expect(closed.body.closedAt).toBeDefined();
    expect(closed.body.thread.at(-1)).toMatchObject({ entry: 'status', statusFrom: 'open', statusTo: 'closed' });
    expect(replyWhileClosed.status).toBe(409);
    expect(replyWhileClosed.body.error.code).toBe('TICKET_CLOSED');
    expect(closeAgain.body.error.code).toBe('TICKET_CLOSED');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open' });
    expect(reopened.body.closedAt).toBeUndefined();
    expect(reopened.body.thread.at(-1)).toMatchObject({ entry: 'status', statusFrom: 'closed', statusTo: 'open' });
    expect(replyAfter.status).toBe(201);
  });

  it('reopens within 30 days of closing only, never a merged duplicate, never an open ticket', async () => {
    // Prepare
    const owner = await newAccount();
    const late = await putTicket(owner.accountId, owner);
    const merged = await putTicket(owner.accountId, owner, { status: 'closed', closedAt: new Date().toISOString(), mergedInto: 1 });
    const open = await putTicket(owner.accountId, owner);
    await call(api, 'POST', `/api/tickets/${late.ticketNumber}/close`, { token: owner.token });
    // Act
    shiftClockForTests(29 * DAY_MS);
    const stillAllowed = await call(api, 'GET', `/api/tickets/${late.ticketNumber}`, { token: owner.token });
    shiftClockForTests(2 * DAY_MS);
    const expired = await call(api, 'POST', `/api/tickets/${late.ticketNumber}/reopen`, { token: owner.token });
    const mergedReopen = await call(api, 'POST', `/api/tickets/${merged.ticketNumber}/reopen`, { token: owner.token });
    const openReopen = await call(api, 'POST', `/api/tickets/${open.ticketNumber}/reopen`, { token: owner.token });
    // Assess
    expect(stillAllowed.body.actions.reopen).toBe(true);
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('REOPEN_EXPIRED');
    expect(mergedReopen.body.error.code).toBe('TICKET_MERGED');
    expect(openReopen.body.error.code).toBe('TICKET_NOT_CLOSED');
  });

  it('rates a closed ticket 1 to 5; the rating may change within the window, not after', async () => {
    // Prepare
    const owner = await newAccount();
    const ticket = await putTicket(owner.accountId, owner);
    const path = `/api/tickets/${ticket.ticketNumber}`;
    const whileOpen = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 5 } });
    await call(api, 'POST', `${path}/close`, { token: owner.token });
    // Act
    const outOfRange = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 6 } });
    const tooLong = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 4, comment: 'x'.repeat(1001) } });
    const rated = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 3, comment: 'Slow at first' } });
    const changed = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 4 } });
    shiftClockForTests(31 * DAY_MS);
    const final = await call(api, 'PUT', `${path}/rating`, { token: owner.token, body: { score: 1 } });
    // Assess
    expect(whileOpen.body.error.code).toBe('TICKET_NOT_CLOSED');
    expect(outOfRange.status).toBe(400);
    expect(tooLong.status).toBe(400);
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ score: 3, comment: 'Slow at first' });
    expect(changed.body.rating).toMatchObject({ score: 4 });
    expect(changed.body.rating.comment).toBeUndefined();
    expect(final.status).toBe(409);
    expect(final.body.error.code).toBe('RATING_FINAL');
    expect((await getTicket(ticket.ticketNumber)).rating?.score).toBe(4);
  });
});

describe('concurrency', () => {
  it('a reply written on a ticket that changed since it was read loses with 409 EDITED_MEANWHILE', async () => {
    // Prepare: read the ticket, then someone else replies
    const owner = await newAccount();
    const ticket = await putTicket(owner.accountId, owner);
    const asRead = await getTicket(ticket.ticketNumber);
    const first = await call(api, 'POST', `/api/tickets/${ticket.ticketNumber}/replies`, { token: owner.token, body: { body: 'first' } });
    // Act
    const stale = replyAs({ accountId: owner.accountId, userId: owner.userId, role: 'owner', email: owner.email }, asRead, 'second');
    // Assess
    expect(first.status).toBe(201);
    await expect(stale).rejects.toMatchObject({ statusCode: 409, code: 'EDITED_MEANWHILE' });
    const thread = await call(api, 'GET', `/api/tickets/${ticket.ticketNumber}`, { token: owner.token });
    expect(thread.body.thread.map((entry: { body: string }) => entry.body)).toEqual(['first']);
  });

  it('of replies sent at once, each either joins the thread or answers 409, never both lost nor a 500', async () => {
    // Prepare
    const owner = await newAccount();
    const ticket = await putTicket(owner.accountId, owner);
    // Act
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        call(api, 'POST', `/api/tickets/${ticket.ticketNumber}/replies`, { token: owner.token, body: { body: `reply ${index}` } }),
      ),
    );
    // Assess
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const written = statuses.filter((status) => status === 201).length;
    expect(written).toBeGreaterThanOrEqual(1);
    const stored = await getTicket(ticket.ticketNumber);
    expect(stored.messageCount).toBe(written);
  });
});

describe('the home page', () => {
  it('counts the open tickets the caller may see, lists the latest five and feeds what happened last on each', async () => {
    // Prepare
    const owner = await newAccount();
    const billing = await member(owner.accountId, 'billing');
    await putTicket(owner.accountId, owner, { status: 'closed', closedAt: new Date().toISOString() });
    const mine: Ticket[] = [];
    for (let index = 0; index < 6; index++) mine.push(await putTicket(owner.accountId, owner, { subject: `Owner ticket ${index}` }));
    const billingsOwn = await putTicket(owner.accountId, billing, { subject: 'Billing’s own' });
    await call(api, 'POST', `/api/tickets/${billingsOwn.ticketNumber}/replies`, { token: billing.token, body: { body: 'More detail' } });
    await putMessage(mine[5]!.ticketNumber, 'internal', 'note only staff see');
    // Act
    const [asOwner, asBilling] = await Promise.all([
      call(api, 'GET', '/api/me/home', { token: owner.token }),
      call(api, 'GET', '/api/me/home', { token: billing.token }),
    ]);
    // Assess: 7 open for the owner (the closed one not counted), 1 for billing
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.tiles.openTickets).toEqual({ count: 7, more: false });
    expect(asBilling.body.tiles.openTickets).toEqual({ count: 1, more: false });
    expect(asOwner.body.recentTickets.map((ticket: { ticketNumber: number }) => ticket.ticketNumber)).toEqual([
      billingsOwn.ticketNumber,
      mine[5]!.ticketNumber,
      mine[4]!.ticketNumber,
      mine[3]!.ticketNumber,
      mine[2]!.ticketNumber,
    ]);
    expect(asBilling.body.recentTickets.map((ticket: { subject: string }) => ticket.subject)).toEqual(['Billing’s own']);
    expect(asBilling.body.activities).toEqual([
      expect.objectContaining({ kind: 'ticket', ticketNumber: billingsOwn.ticketNumber, event: 'reply', by: 'customer' }),
    ]);
    expect(asOwner.body.activities[1]).toMatchObject({ ticketNumber: mine[5]!.ticketNumber, event: 'opened' });
  });
});
