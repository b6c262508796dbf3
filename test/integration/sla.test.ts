// The SLA area against DynamoDB Local: due times from the contract's level, the hourly job (with the fake clock: a
// ticket crossing its due time is marked once and mailed once, even when the job runs twice or twice at once), the
// monthly report's numbers from seeded tickets, canned replies (CRUD, the limit of 200), merging (same account only)
// and changing a ticket (audited, due times counted again).

import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handler as markBreachesJob } from '#functions/sla/mark-sla-breaches.ts';
import { assetItem } from '#shared/assets/model.ts';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { contractItem } from '#shared/contracts/contract.ts';
import { PutCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { newId } from '#shared/ids.ts';
import { DEFAULT_SUPPORT_CALENDAR } from '#shared/tickets/business-hours.ts';
import { MAX_CANNED_REPLIES } from '#shared/tickets/canned-replies.ts';
import { findTicket, nextTicketNumber, readThread, type Ticket, ticketItem } from '#shared/tickets/model.ts';
import { contractSlaLevel, withSlaDueTimes } from '#shared/tickets/sla.ts';
import { computeSlaReport, storeSlaReport } from '#shared/tickets/sla-report.ts';
import { now, resetClockForTests, shiftClockForTests } from '#shared/time.ts';
import { mailsTo } from '../support/mailbox.ts';
import { call, createStaffUser, signIn, startTestApi, type TestApi } from '../support/api.ts';

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaffUser(['support']));
});
afterAll(async () => {
  resetClockForTests();
  await api.stop();
});

async function putContract(sla: 'standard' | 'priority' | 'critical', accountId: string): Promise<string> {
  const contractNumber = `CTR-SLA-${randomUUID().slice(0, 8).toUpperCase()}`;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: contractItem({ contractNumber, product: 'Support', sla, startsOn: '2026-01-01', endsOn: '2032-12-31', accountId }),
    }),
  );
  return contractNumber;
}

async function putAsset(accountId: string, contractNumber: string): Promise<string> {
  const assetId = newId();
  const at = new Date().toISOString();
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: assetItem({
        assetId,
        accountId,
        contractNumber,
        category: 'server',
        name: 'Edge',
        vendor: 'HP',
        model: 'DL20',
        createdAt: at,
        updatedAt: at,
      }),
    }),
  );
  return assetId;
}

async function putTicket(fields: Partial<Ticket> = {}): Promise<Ticket> {
  const at = now().toISOString();
  const ticket: Ticket = {
    ticketNumber: await nextTicketNumber(),
    accountId: `acc-${randomUUID()}`,
    accountName: 'Kowalski IT',
    kind: 'administrative',
    relation: 'other',
    subject: 'Help',
    description: 'Please help.',
    priority: 'normal',
    status: 'new',
    requester: { userId: 'u-1', email: 'requester@example.test' },
    createdAt: at,
    updatedAt: at,
    messageCount: 0,
    ...fields,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
  return ticket;
}

describe('due times', () => {
  it('counts from the contract’s level: critical round the clock, an administrative ticket at the standard level', async () => {
    // Prepare: Friday 6 Nov 2026 16:00 in Warsaw (15:00Z).
    const accountId = `acc-${randomUUID()}`;
    const contractNumber = await putContract('critical', accountId);
    const level = await contractSlaLevel(contractNumber);
    const base = await putTicket({ createdAt: '2026-11-06T15:00:00.000Z', priority: 'urgent' });
    // Act
    const technical = withSlaDueTimes({ ...base, kind: 'technical', contractNumber }, level, DEFAULT_SUPPORT_CALENDAR);
    const administrative = withSlaDueTimes({ ...base, kind: 'administrative' }, level, DEFAULT_SUPPORT_CALENDAR);
    // Assess
    expect(level).toBe('critical');
    expect(technical).toMatchObject({
      slaLevel: 'critical',
      firstResponseDueAt: '2026-11-06T15:15:00.000Z',
      resolutionDueAt: '2026-11-06T19:00:00.000Z',
    });
    // Standard, urgent: 2 business hours → 1 h on Friday, 1 h on Monday from 08:00 (07:00Z).
    expect(administrative).toMatchObject({ slaLevel: 'standard', firstResponseDueAt: '2026-11-09T08:00:00.000Z' });
    expect(await contractSlaLevel('CTR-NOPE')).toBeUndefined();
  });
});

describe('the hourly breach job', () => {
  it('marks a ticket crossing its due time once and mails the assignee once, even when run twice or twice at once', async () => {
    // Prepare: critical, normal: first response due in 1 hour, resolution in 24.
    const assignee = await createStaffUser(['support']);
    const opened = await putTicket({ priority: 'normal', kind: 'technical', assignee: { userId: assignee.userId, email: assignee.email } });
    const ticket = withSlaDueTimes(opened, 'critical', DEFAULT_SUPPORT_CALENDAR);
    await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
    const mails = async () =>
      (await mailsTo(inject('mailUrl'), assignee.email)).filter((mail) => mail.subject.includes(`#${ticket.ticketNumber}`));

    // Act 1: before the due time nothing happens.
    await markBreachesJob({}, context);
    expect((await findTicket(ticket.ticketNumber))?.breached).toBeUndefined();

    // Act 2: 90 minutes later, the job runs twice at once, then once more.
    shiftClockForTests(90 * 60_000);
    await Promise.all([markBreachesJob({}, context), markBreachesJob({}, context)]);
    await markBreachesJob({}, context);

    // Assess
    const marked = await findTicket(ticket.ticketNumber);
    expect(marked?.breached).toEqual(['first-response']);
    expect(String(marked?.updatedAt) > ticket.updatedAt).toBe(true);
    const afterFirst = await mails();
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]!.subject).toMatch(/SLA breached/);
    expect(afterFirst[0]!.body.text).toContain('first response');

    // Act 3: a day later the resolution passes too: one more mail, for that one only.
    shiftClockForTests(24 * 3_600_000);
    await markBreachesJob({}, context);
    await markBreachesJob({}, context);
    expect((await findTicket(ticket.ticketNumber))?.breached).toEqual(['first-response', 'resolution']);
    const afterSecond = await mails();
    expect(afterSecond).toHaveLength(2);
    expect(afterSecond[1]!.body.text).toContain('resolution');
    resetClockForTests();
  });

  it('leaves answered, resolved and closed tickets alone', async () => {
    const past = '2026-01-05T08:00:00.000Z';
    const answered = await putTicket({ firstResponseDueAt: past, firstResponseAt: '2026-01-05T07:00:00.000Z' });
    const resolved = await putTicket({ status: 'resolved', resolutionDueAt: past, resolvedAt: '2026-01-05T07:00:00.000Z' });
    await markBreachesJob({}, context);
    expect((await findTicket(answered.ticketNumber))?.breached).toBeUndefined();
    expect((await findTicket(resolved.ticketNumber))?.breached).toBeUndefined();
  });
});

describe('the monthly report', () => {
  it('reports medians, averages and shares within target per level and priority from the month’s resolved tickets', async () => {
    // Prepare: March 2031 (nobody else's tickets). Critical, urgent: targets 15 min and 4 h, round the clock.
    const critical = (day: number, first: number, resolved: number, extra: Partial<Ticket> = {}) => {
      const created = new Date(Date.UTC(2031, 2, day, 10));
      const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000).toISOString();
      const base = withSlaDueTimes(
        { ...(extra as Ticket), kind: 'technical', priority: extra.priority ?? 'urgent', createdAt: created.toISOString() } as Ticket,
        'critical',
        DEFAULT_SUPPORT_CALENDAR,
      );
      return putTicket({
        ...base,
        kind: 'technical',
        createdAt: created.toISOString(),
        firstResponseAt: at(first),
        resolvedAt: at(resolved),
        status: 'closed',
        closedAt: at(resolved + 60),
        updatedAt: at(resolved + 60),
        ...extra,
      });
    };
    await critical(3, 10, 200);
    await critical(4, 20, 300);
    await critical(5, 30, 100);
    // Resolved, not closed (still in the open queue): critical, high (targets 30 min, 12 h).
    await critical(6, 15, 600, { priority: 'high', status: 'resolved' });
    // Merged away, and resolved in February: neither counts.
    await critical(7, 5, 50, { mergedInto: 1 });
    await putTicket({
      createdAt: '2031-02-20T10:00:00.000Z',
      resolvedAt: '2031-02-27T10:00:00.000Z',
      status: 'closed',
      closedAt: '2031-02-27T10:00:00.000Z',
      updatedAt: '2031-03-02T10:00:00.000Z',
    });
    // Standard, normal, in business hours: Friday 7 Mar 16:00 Warsaw → answered Monday 09:00, resolved Monday 12:00.
    const standard = withSlaDueTimes(
      { ...(await putTicket({ createdAt: '2031-03-07T15:00:00.000Z' })), priority: 'normal' },
      'standard',
      DEFAULT_SUPPORT_CALENDAR,
    );
    await putTicket({
      ...standard,
      ticketNumber: await nextTicketNumber(),
      firstResponseAt: '2031-03-10T08:00:00.000Z',
      resolvedAt: '2031-03-10T11:00:00.000Z',
      status: 'closed',
      closedAt: '2031-03-10T11:00:00.000Z',
      updatedAt: '2031-03-10T11:00:00.000Z',
    });

    // Act
    await storeSlaReport(await computeSlaReport('2031-03', DEFAULT_SUPPORT_CALENDAR, now()));
    const answer = await call(api, 'GET', '/api/admin/sla/report?month=2031-03', { token: staffToken });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([
      {
        slaLevel: 'standard',
        priority: 'normal',
        tickets: 1,
        firstResponse: { count: 1, medianMinutes: 120, averageMinutes: 120, withinTargetShare: 1 },
        resolution: { count: 1, medianMinutes: 300, averageMinutes: 300, withinTargetShare: 1 },
      },
      {
        slaLevel: 'critical',
        priority: 'high',
        tickets: 1,
        firstResponse: { count: 1, medianMinutes: 15, averageMinutes: 15, withinTargetShare: 1 },
        resolution: { count: 1, medianMinutes: 600, averageMinutes: 600, withinTargetShare: 1 },
      },
      {
        slaLevel: 'critical',
        priority: 'urgent',
        tickets: 3,
        firstResponse: { count: 3, medianMinutes: 20, averageMinutes: 20, withinTargetShare: 0.333 },
        resolution: { count: 3, medianMinutes: 200, averageMinutes: 200, withinTargetShare: 0.667 },
      },
    ]);
  });

  it('answers an empty report before the job ran, and refuses a malformed month', async () => {
    const empty = await call(api, 'GET', '/api/admin/sla/report?month=2030-01', { token: staffToken });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ month: '2030-01', rows: [] });
    const bad = await call(api, 'GET', '/api/admin/sla/report?month=2030-13', { token: staffToken });
    expect(bad.status).toBe(400);
  });
});

describe('canned replies', () => {
  it('creates, lists by language, edits and deletes, each audited', async () => {
    const created = await call(api, 'POST', '/api/admin/canned-replies', {
      token: staffToken,
      body: { title: 'Restart', body: 'Please **restart** the service.', locale: 'de' },
    });
    expect(created.status).toBe(201);
    const id = created.body.cannedReplyId as string;
    const german = await call(api, 'GET', '/api/admin/canned-replies?locale=de', { token: staffToken });
    expect(german.body.items.map((item: { cannedReplyId: string }) => item.cannedReplyId)).toContain(id);
    const polish = await call(api, 'GET', '/api/admin/canned-replies?locale=pl', { token: staffToken });
    expect(polish.body.items.map((item: { cannedReplyId: string }) => item.cannedReplyId)).not.toContain(id);
    const edited = await call(api, 'PUT', `/api/admin/canned-replies/${id}`, {
      token: staffToken,
      body: { title: 'Neustart', body: 'Bitte neu starten.', locale: 'de' },
    });
    expect(edited.body).toMatchObject({ title: 'Neustart', body: 'Bitte neu starten.' });
    expect((await call(api, 'DELETE', `/api/admin/canned-replies/${id}`, { token: staffToken })).status).toBe(204);
    expect((await call(api, 'DELETE', `/api/admin/canned-replies/${id}`, { token: staffToken })).status).toBe(404);
    const audit = await listAuditEntries({ target: { kind: 'canned-reply', id } }, {});
    expect(audit.items.map((entry) => entry.action).sort()).toEqual(['canned-reply.create', 'canned-reply.delete', 'canned-reply.update']);
  });

  it(`refuses the ${MAX_CANNED_REPLIES + 1}st reply with 409 and takes one again after a delete`, async () => {
    // Prepare: the counter says the partition is full (as 200 creates would leave it), with one real reply in it.
    const one = await call(api, 'POST', '/api/admin/canned-replies', {
      token: staffToken,
      body: { title: 'Last', body: 'x', locale: 'en' },
    });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.cannedReplyCount(),
        UpdateExpression: 'SET #count = :max',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':max': MAX_CANNED_REPLIES },
      }),
    );
    // Act and assess
    const full = await call(api, 'POST', '/api/admin/canned-replies', {
      token: staffToken,
      body: { title: 'More', body: 'y', locale: 'en' },
    });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('CANNED_REPLIES_FULL');
    await call(api, 'DELETE', `/api/admin/canned-replies/${one.body.cannedReplyId}`, { token: staffToken });
    const again = await call(api, 'POST', '/api/admin/canned-replies', {
      token: staffToken,
      body: { title: 'More', body: 'y', locale: 'en' },
    });
    expect(again.status).toBe(201);
  });

  it('refuses an empty title and an unknown language', async () => {
    for (const body of [
      { title: ' ', body: 'x', locale: 'en' },
      { title: 'T', body: 'x', locale: 'es' },
    ]) {
      expect((await call(api, 'POST', '/api/admin/canned-replies', { token: staffToken, body })).status).toBe(400);
    }
  });
});

describe('merging duplicates', () => {
  it('closes the duplicate pointing at the target, notes it on the target, and keeps the duplicate’s thread', async () => {
    const accountId = `acc-${randomUUID()}`;
    const duplicate = await putTicket({ accountId, subject: 'VPN down again' });
    const target = await putTicket({ accountId, subject: 'VPN down' });
    const merged = await call(api, 'POST', `/api/admin/tickets/${duplicate.ticketNumber}/merge`, {
      token: staffToken,
      body: { intoTicketNumber: target.ticketNumber },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.duplicate).toMatchObject({ status: 'closed', mergedInto: target.ticketNumber });
    const duplicateThread = await readThread(duplicate.ticketNumber, { publicOnly: false });
    expect(duplicateThread.messages).toEqual([expect.objectContaining({ entry: 'status', statusTo: 'closed' })]);
    const targetThread = await readThread(target.ticketNumber, { publicOnly: true });
    expect(targetThread.messages[0]?.body).toContain(`#${duplicate.ticketNumber}`);
    expect((await findTicket(target.ticketNumber))?.messageCount).toBe(1);
    const audit = await listAuditEntries({ target: { kind: 'ticket', id: String(duplicate.ticketNumber) } }, {});
    expect(audit.items[0]?.action).toBe('ticket.merge');
    // A second merge of the same duplicate is refused.
    const again = await call(api, 'POST', `/api/admin/tickets/${duplicate.ticketNumber}/merge`, {
      token: staffToken,
      body: { intoTicketNumber: target.ticketNumber },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a merge across accounts (400) and changes nothing', async () => {
    const duplicate = await putTicket();
    const target = await putTicket();
    const refused = await call(api, 'POST', `/api/admin/tickets/${duplicate.ticketNumber}/merge`, {
      token: staffToken,
      body: { intoTicketNumber: target.ticketNumber },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('MERGE_ACROSS_ACCOUNTS');
    expect(await findTicket(duplicate.ticketNumber)).toEqual(duplicate);
    expect(await findTicket(target.ticketNumber)).toEqual(target);
  });
});

describe('changing kind, priority and asset', () => {
  it('recomputes the due times on a priority change, and audits the change', async () => {
    const accountId = `acc-${randomUUID()}`;
    const contractNumber = await putContract('critical', accountId);
    const assetId = await putAsset(accountId, contractNumber);
    const ticket = withSlaDueTimes(
      await putTicket({ accountId, kind: 'technical', assetId, contractNumber, priority: 'low', createdAt: '2026-11-02T08:00:00.000Z' }),
      'critical',
      DEFAULT_SUPPORT_CALENDAR,
    );
    await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
    const changed = await call(api, 'PATCH', `/api/admin/tickets/${ticket.ticketNumber}`, {
      token: staffToken,
      body: { priority: 'urgent', reason: 'Production is down.' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      priority: 'urgent',
      firstResponseDueAt: '2026-11-02T08:15:00.000Z',
      resolutionDueAt: '2026-11-02T12:00:00.000Z',
    });
    const audit = await listAuditEntries({ target: { kind: 'ticket', id: String(ticket.ticketNumber) } }, {});
    expect(audit.items[0]).toMatchObject({ action: 'ticket.update', reason: 'Production is down.' });
    expect(audit.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'priority', before: 'low', after: 'urgent' },
        { field: 'firstResponseDueAt', before: ticket.firstResponseDueAt, after: '2026-11-02T08:15:00.000Z' },
      ]),
    );
  });

  it('makes a ticket technical only with an asset of its own account', async () => {
    const accountId = `acc-${randomUUID()}`;
    const ticket = await putTicket({ accountId });
    const foreignAsset = await putAsset(`acc-${randomUUID()}`, await putContract('standard', 'acc-x'));
    const without = await call(api, 'PATCH', `/api/admin/tickets/${ticket.ticketNumber}`, {
      token: staffToken,
      body: { kind: 'technical' },
    });
    expect(without.status).toBe(400);
    const foreign = await call(api, 'PATCH', `/api/admin/tickets/${ticket.ticketNumber}`, {
      token: staffToken,
      body: { kind: 'technical', assetId: foreignAsset },
    });
    expect(foreign.status).toBe(400);
    const ownAsset = await putAsset(accountId, await putContract('priority', accountId));
    const made = await call(api, 'PATCH', `/api/admin/tickets/${ticket.ticketNumber}`, {
      token: staffToken,
      body: { kind: 'technical', assetId: ownAsset },
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ kind: 'technical', assetId: ownAsset, slaLevel: 'priority' });
    expect(made.body.relation).toBeUndefined();
  });

  it('answers 404 for an unknown ticket', async () => {
    const missing = await call(api, 'PATCH', '/api/admin/tickets/999999999', { token: staffToken, body: { priority: 'high' } });
    expect(missing.status).toBe(404);
  });
});
