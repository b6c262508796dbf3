// Replies by e-mail, end to end against real engines: a raw RFC 822 mail is put into a local S3 server (s3rver, as SES
// would store it under `inbound/`), the S3 event runs the worker's handler, and the reply lands in the ticket's thread
// in DynamoDB Local — once, only from a contact of the account, only with a genuine reply address.

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context, S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handler } from '#functions/ticket-mail/receive-reply.ts';
import { s3 } from '#shared/aws/s3.ts';
import { resetConfigForTests } from '#shared/config.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { findTicketMailClaim, messageHash } from '#shared/tickets/inbound/claim.ts';
import { onLocalInboundObject } from '#shared/tickets/inbound/receive-reply.ts';
import { findTicket, nextTicketNumber, readThread, type Ticket, type TicketStatus, ticketItem } from '#shared/tickets/model.ts';
import { ticketReplyTo } from '#shared/tickets/reply-address.ts';
import { addMember, createCustomer, uniqueEmail } from '../support/api.ts';
import { mailsTo } from '../support/mailbox.ts';

interface LocalS3Server {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3Event) => void): void;
}
// s3rver ships no types; this is the part of it the test uses.
const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => LocalS3Server;
// s3rver knows only its own access key (S3RVER); the local runtime signs with `local`, so that key is added to it.
const s3rverAccount = require('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };

const BUCKET = 'atrium-test-files';
const REPLY_DOMAIN = 'reply.example.test';
const context = { functionName: 'test', awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

let server: LocalS3Server;
let directory: string;
/** The worker run each S3 event of the local server started, by object key. */
const runs = new Map<string, Promise<Awaited<ReturnType<typeof handler>>>>();

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'atrium-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await server.run();
  s3rverAccount.DUMMY_ACCOUNT.createKeyPair(process.env.AWS_ACCESS_KEY_ID!, process.env.AWS_SECRET_ACCESS_KEY!);
  Object.assign(process.env, { S3_ENDPOINT: `http://127.0.0.1:${port}`, FILES_BUCKET: BUCKET, TICKET_REPLY_DOMAIN: REPLY_DOMAIN });
  resetConfigForTests();
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  // As the local runtime will: every new object runs the worker's handler with the event the S3 server emits.
  server.on('event', (event) => {
    const record = event.Records[0];
    if (record?.eventName.startsWith('ObjectCreated')) runs.set(record.s3.object.key, handler(event, context));
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

let sequence = 0;

/** A raw mail as a mail client sends it (CRLF line ends), with its own Message-ID unless one is given. */
function rawMail(input: { from: string; to: string; subject?: string; body: string; messageId?: string; headers?: string[] }): {
  raw: string;
  messageId: string;
} {
  sequence += 1;
  const messageId = input.messageId ?? `<reply-${sequence}-${Date.now()}@mail.customer.test>`;
  const raw = [
    ...(input.headers ?? []),
    `From: Customer <${input.from}>`,
    `To: ${input.to}`,
    `Subject: ${input.subject ?? 'Re: [#1] The gateway drops sessions'}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 30 Nov 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    input.body,
  ].join('\r\n');
  return { raw, messageId };
}

/** Puts the mail where SES puts it and waits for the worker the S3 event started. */
async function deliver(raw: string): Promise<{ key: string; outcome: string }> {
  sequence += 1;
  const key = `inbound/${Date.now()}-${sequence}`;
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: raw }));
  const run = runs.get(key);
  if (!run) throw new Error(`The local S3 server emitted no event for ${key}`);
  const { results } = await run;
  return { key, outcome: results[0]!.outcome };
}

/** The S3 event AWS sends for one stored object (keys URL-encoded). */
function s3Event(key: string): S3Event {
  return {
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: BUCKET }, object: { key: encodeURIComponent(key) } },
      },
    ],
  } as unknown as S3Event;
}

async function ticketFor(accountId: string, requester: { userId: string; email: string }, status: TicketStatus): Promise<Ticket> {
  const ticketNumber = await nextTicketNumber();
  const at = new Date(Date.now() - 60_000).toISOString();
  const ticket: Ticket = {
    ticketNumber,
    accountId,
    accountName: 'Mail test account',
    kind: 'administrative',
    relation: 'billing',
    subject: 'Invoice question',
    description: 'Which VAT rate applies?',
    priority: 'normal',
    status,
    requester,
    createdAt: at,
    updatedAt: at,
    ...(status === 'closed' ? { closedAt: at } : {}),
    messageCount: 0,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket) }));
  return ticket;
}

async function replies(ticketNumber: number) {
  return (await readThread(ticketNumber, { publicOnly: false })).messages.filter((message) => message.entry === 'reply');
}

describe('replies by e-mail', () => {
  let accountId: string;
  let owner: { userId: string; email: string };

  beforeAll(async () => {
    const customer = await createCustomer([]);
    accountId = customer.account.accountId;
    owner = { userId: customer.userId, email: customer.login.email };
  });

  it("appends a contact's reply once, without the quoted history, and hands the ticket back to the vendor", async () => {
    const ticket = await ticketFor(accountId, owner, 'waiting-for-customer');
    const contact = await addMember(accountId, 'technical');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;
    const mail = rawMail({
      from: contact.email.toUpperCase(),
      to: `"Support" <${to}>`,
      body: 'The new VAT ID is PL1234567890.\r\n\r\nOn Mon, 30 Nov 2026 at 09:00, Support wrote:\r\n> Which VAT ID?\r\n',
    });

    // Prepare // Act: the first delivery through the local S3 server's event, the second as S3 redelivers it.
    const first = await deliver(mail.raw);
    const again = await handler(s3Event(first.key), context);
    const third = await deliver(mail.raw);

    // Assess
    expect(first.outcome).toBe('appended');
    expect(again.results[0]!.outcome).toBe('duplicate');
    expect(third.outcome).toBe('duplicate');
    const thread = await replies(ticket.ticketNumber);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({
      body: 'The new VAT ID is PL1234567890.',
      via: 'email',
      visibility: 'public',
      emailMessageId: mail.messageId,
      author: { kind: 'customer', userId: contact.userId, email: contact.email },
    });
    const after = await findTicket(ticket.ticketNumber);
    expect(after).toMatchObject({ status: 'waiting-for-vendor', messageCount: 1 });
    const claim = await findTicketMailClaim(messageHash(mail.messageId, new Uint8Array()));
    expect(claim).toMatchObject({ outcome: 'appended', ticketNumber: ticket.ticketNumber, objectKey: first.key });
  });

  it('rejects a reply from someone who is not a contact of the account, and one from a contact of another account', async () => {
    const ticket = await ticketFor(accountId, owner, 'open');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;
    const stranger = uniqueEmail('stranger');
    const other = await createCustomer([]);

    const fromStranger = await deliver(rawMail({ from: stranger, to, body: 'Please send me the invoice.' }).raw);
    const fromOtherAccount = await deliver(rawMail({ from: other.login.email, to, body: 'Me too.' }).raw);

    expect(fromStranger.outcome).toBe('not-a-contact');
    expect(fromOtherAccount.outcome).toBe('not-a-contact');
    expect(await replies(ticket.ticketNumber)).toHaveLength(0);
    expect((await findTicket(ticket.ticketNumber))?.status).toBe('open');
    // No bounce: the From of a refused mail may be forged.
    expect(await mailsTo(inject('mailUrl'), stranger)).toHaveLength(0);
  });

  it('rejects a read-only contact, and a billing contact on a ticket they cannot see', async () => {
    const ticket = await ticketFor(accountId, owner, 'open');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;
    const readOnly = await addMember(accountId, 'read-only');
    const billing = await addMember(accountId, 'billing');

    expect((await deliver(rawMail({ from: readOnly.email, to, body: 'Read-only says hi.' }).raw)).outcome).toBe('not-a-contact');
    expect((await deliver(rawMail({ from: billing.email, to, body: 'Not my ticket.' }).raw)).outcome).toBe('not-a-contact');
    expect(await replies(ticket.ticketNumber)).toHaveLength(0);
  });

  it('rejects a tampered reply address: another ticket number with the same signature, or a changed signature', async () => {
    const ticket = await ticketFor(accountId, owner, 'open');
    const target = await ticketFor(accountId, owner, 'open');
    const genuine = (await ticketReplyTo(ticket.ticketNumber))!;
    const renumbered = genuine.replace(`reply+${ticket.ticketNumber}-`, `reply+${target.ticketNumber}-`);
    const resigned = genuine.replace(/-([a-z2-7])/, (_, first: string) => `-${first === 'a' ? 'b' : 'a'}`);

    const first = await deliver(rawMail({ from: owner.email, to: renumbered, body: 'Aimed at another ticket.' }).raw);
    const second = await deliver(rawMail({ from: owner.email, to: resigned, body: 'A forged signature.' }).raw);

    expect(first.outcome).toBe('unknown-ticket');
    expect(second.outcome).toBe('unknown-ticket');
    expect(await replies(ticket.ticketNumber)).toHaveLength(0);
    expect(await replies(target.ticketNumber)).toHaveLength(0);
  });

  it('adds nothing to a closed ticket and tells the contact to reopen it in the portal', async () => {
    const ticket = await ticketFor(accountId, owner, 'closed');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;

    const result = await deliver(rawMail({ from: owner.email, to, body: 'It broke again.' }).raw);

    expect(result.outcome).toBe('closed-ticket');
    expect(await replies(ticket.ticketNumber)).toHaveLength(0);
    expect((await findTicket(ticket.ticketNumber))?.status).toBe('closed');
    const notices = (await mailsTo(inject('mailUrl'), owner.email)).filter((mail) => mail.subject.includes(`#${ticket.ticketNumber} `));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.text).toContain(`/tickets/${ticket.ticketNumber}`);
  });

  it('refuses a mail SES marked as spoofed (neither SPF nor DKIM passed), and one with nothing but quoted history', async () => {
    const ticket = await ticketFor(accountId, owner, 'open');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;
    const spoofed = rawMail({
      from: owner.email,
      to,
      body: 'Transfer the licence to me.',
      headers: ['Authentication-Results: amazonses.com; spf=fail smtp.mailfrom=customer.test; dkim=fail header.i=@customer.test'],
    });
    const onlyQuote = rawMail({ from: owner.email, to, body: '> Which VAT ID?\r\n' });

    expect((await deliver(spoofed.raw)).outcome).toBe('refused-verdict');
    expect((await deliver(onlyQuote.raw)).outcome).toBe('empty');
    expect(await replies(ticket.ticketNumber)).toHaveLength(0);
  });

  it('runs the same worker for the local runtime (onLocalInboundObject), and ignores objects outside inbound/', async () => {
    const ticket = await ticketFor(accountId, owner, 'resolved');
    const to = (await ticketReplyTo(ticket.ticketNumber))!;
    const mail = rawMail({ from: owner.email, to, body: 'Sorry, one more question.\r\n\r\n-- \r\nOwner\r\n' });
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'attachments/not-a-mail', Body: mail.raw }));
    await runs.get('attachments/not-a-mail');

    expect(await onLocalInboundObject(BUCKET, 'attachments/not-a-mail')).toEqual({ outcome: 'ignored' });
    const key = `inbound/local-${Date.now()}`;
    runs.delete(key);
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: mail.raw }));
    const viaEvent = await runs.get(key);
    expect(viaEvent?.results[0]?.outcome).toBe('appended');
    expect(await onLocalInboundObject(BUCKET, key)).toEqual({ outcome: 'duplicate' });
    expect((await replies(ticket.ticketNumber)).map((message) => message.body)).toEqual(['Sorry, one more question.']);
    expect((await findTicket(ticket.ticketNumber))?.status).toBe('waiting-for-vendor');
  });
});
