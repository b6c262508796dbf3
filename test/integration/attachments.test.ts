// Ticket attachments through the local API Gateway and the local S3 server (s3rver): presigned POST upload, the check
// after upload (a lying client's object is deleted and never shows), limits, download links, and other accounts' 404.

import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { attachmentObjectKey, MAX_ATTACHMENT_BYTES, MAX_PENDING_ATTACHMENTS } from '#shared/tickets/attachments.ts';
import { nextTicketNumber, ticketItem } from '#shared/tickets/model.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

let api: TestApi;
let owner: { token: string; accountId: string; userId: string; email: string };
let stranger: { token: string };
let staffToken: string;

async function openTicket(accountId: string, requester: { userId: string; email: string }): Promise<number> {
  const ticketNumber = await nextTicketNumber();
  const at = new Date().toISOString();
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: ticketItem({
        ticketNumber,
        accountId,
        accountName: 'Attachment test',
        kind: 'administrative',
        relation: 'other',
        subject: 'Please look at the files',
        description: 'See attached.',
        priority: 'normal',
        status: 'new',
        requester,
        createdAt: at,
        updatedAt: at,
        messageCount: 0,
      }),
    }),
  );
  return ticketNumber;
}

/** The browser's part: the presigned POST's fields, then the file, as a multipart form. */
async function postForm(upload: { url: string; fields: Record<string, string> }, content: Buffer, contentType: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(content)], { type: contentType }), 'file');
  return fetch(upload.url, { method: 'POST', body: form });
}

async function start(token: string, ticketNumber: number, body: { fileName: string; contentType: string; size: number }) {
  return call(api, 'POST', `/api/tickets/${ticketNumber}/attachments`, { token, body });
}

async function objectExists(ticketNumber: number, attachmentId: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: filesBucket(), Key: attachmentObjectKey(ticketNumber, attachmentId) }));
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  api = await startTestApi();
  const customer = await createCustomer(purchases(1));
  owner = {
    token: await signIn(api, 'customer', customer.login),
    accountId: customer.account.accountId,
    userId: customer.userId,
    email: customer.login.email,
  };
  const other = await createCustomer(purchases(1));
  stranger = { token: await signIn(api, 'customer', other.login) };
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
});
afterAll(() => api.stop());

describe('uploading an attachment', () => {
  it('uploads with the presigned POST, completes, lists and downloads the file with its name', async () => {
    // Prepare
    const ticketNumber = await openTicket(owner.accountId, owner);
    // Act
    const started = await start(owner.token, ticketNumber, {
      fileName: 'Zrzut ekranu – błąd.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(started.status).toBe(201);
    const { attachmentId, upload } = started.body;
    const before = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments`, { token: owner.token });
    const uploaded = await postForm(upload, PNG, 'image/png');
    const completed = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    const listed = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments`, { token: owner.token });
    const link = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments/${attachmentId}`, { token: owner.token });
    const downloaded = await fetch(link.body.url);
    // Assess
    expect(before.body.items).toEqual([]);
    expect(uploaded.status).toBeLessThan(300);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ attachmentId, fileName: 'Zrzut ekranu – błąd.png', size: PNG.length, uploadedBy: 'customer' });
    expect(listed.body.items.map((item: { attachmentId: string }) => item.attachmentId)).toEqual([attachmentId]);
    expect(link.status).toBe(200);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PNG);
    expect(downloaded.headers.get('content-disposition')).toContain('attachment; filename="Zrzut-ekranu-b-ad.png"');
    expect(downloaded.headers.get('content-disposition')).toContain("filename*=UTF-8''Zrzut%20ekranu%20%E2%80%93%20b%C5%82%C4%85d.png");
  });

  it('answers the presigned POST with the exact type, the size range and the key in its policy', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const started = await start(owner.token, ticketNumber, { fileName: 'report.pdf', contentType: 'application/pdf', size: 1000 });
    const { fields, url } = started.body.upload;
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(url).toContain(filesBucket());
    expect(fields.key).toBe(attachmentObjectKey(ticketNumber, started.body.attachmentId));
    expect(fields['Content-Type']).toBe('application/pdf');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, MAX_ATTACHMENT_BYTES],
        ['eq', '$Content-Type', 'application/pdf'],
      ]),
    );
    expect(new Date(policy.expiration).getTime() - Date.now()).toBeLessThanOrEqual(600_000);
  });

  it('refuses a type not on the list, a Content-Type other than the list’s, and a file over 20 MB up front', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const exe = await start(owner.token, ticketNumber, { fileName: 'setup.exe', contentType: 'application/octet-stream', size: 10 });
    const disguised = await start(owner.token, ticketNumber, { fileName: 'photo.png', contentType: 'text/html', size: 10 });
    const huge = await start(owner.token, ticketNumber, {
      fileName: 'dump.zip',
      contentType: 'application/zip',
      size: MAX_ATTACHMENT_BYTES + 1,
    });
    expect(exe.status).toBe(400);
    expect(exe.body.error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(disguised.body.error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(huge.status).toBe(400);
    const listed = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments`, { token: owner.token });
    expect(listed.body.items).toEqual([]);
  });

  it('refuses an eleventh file while ten are uploading on the ticket', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const body = { fileName: 'a.txt', contentType: 'text/plain', size: 5 };
    for (let index = 0; index < MAX_PENDING_ATTACHMENTS; index += 1) {
      expect((await start(owner.token, ticketNumber, body)).status).toBe(201);
    }
    const eleventh = await start(owner.token, ticketNumber, body);
    expect(eleventh.status).toBe(400);
    expect(eleventh.body.error.code).toBe('ATTACHMENT_LIMIT');
  });
});

describe('a lying client', () => {
  it('deletes an object larger than declared and never shows it', async () => {
    // Prepare: declared 10 bytes; the client bypasses the policy and puts more (s3rver does not enforce policies).
    const ticketNumber = await openTicket(owner.accountId, owner);
    const started = await start(owner.token, ticketNumber, { fileName: 'notes.txt', contentType: 'text/plain', size: 10 });
    const { attachmentId } = started.body;
    await s3().send(
      new PutObjectCommand({
        Bucket: filesBucket(),
        Key: attachmentObjectKey(ticketNumber, attachmentId),
        Body: Buffer.alloc(4096, 'a'),
        ContentType: 'text/plain',
      }),
    );
    // Act
    const completed = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    const again = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    // Assess
    expect(completed.status).toBe(400);
    expect(completed.body.error).toMatchObject({ code: 'ATTACHMENT_REJECTED', details: { reason: 'size' } });
    expect(await objectExists(ticketNumber, attachmentId)).toBe(false);
    expect(again.status).toBe(404);
    const listed = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments`, { token: owner.token });
    expect(listed.body.items).toEqual([]);
    const link = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments/${attachmentId}`, { token: owner.token });
    expect(link.status).toBe(404);
  });

  it('deletes a "PDF" whose bytes are not a PDF (wrong magic number)', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const fake = Buffer.from('MZ\x90\x00 this is a program, not a document');
    const started = await start(owner.token, ticketNumber, { fileName: 'invoice.pdf', contentType: 'application/pdf', size: fake.length });
    const { attachmentId, upload } = started.body;
    await postForm(upload, fake, 'application/pdf');
    const completed = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    expect(completed.status).toBe(400);
    expect(completed.body.error).toMatchObject({ code: 'ATTACHMENT_REJECTED', details: { reason: 'content' } });
    expect(await objectExists(ticketNumber, attachmentId)).toBe(false);
  });

  it('deletes an object stored with another Content-Type than declared', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const started = await start(owner.token, ticketNumber, { fileName: 'invoice.pdf', contentType: 'application/pdf', size: PDF.length });
    const { attachmentId } = started.body;
    await s3().send(
      new PutObjectCommand({
        Bucket: filesBucket(),
        Key: attachmentObjectKey(ticketNumber, attachmentId),
        Body: PDF,
        ContentType: 'text/html',
      }),
    );
    const completed = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    expect(completed.body.error).toMatchObject({ code: 'ATTACHMENT_REJECTED', details: { reason: 'content-type' } });
    expect(await objectExists(ticketNumber, attachmentId)).toBe(false);
  });

  it('keeps a pending attachment whose file has not arrived yet (409), and never lists or serves it', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const started = await start(owner.token, ticketNumber, { fileName: 'late.pdf', contentType: 'application/pdf', size: PDF.length });
    const { attachmentId, upload } = started.body;
    const early = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    const link = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments/${attachmentId}`, { token: owner.token });
    await postForm(upload, PDF, 'application/pdf');
    const completed = await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ATTACHMENT_NOT_UPLOADED');
    expect(link.status).toBe(404);
    expect(completed.status).toBe(200);
  });
});

describe('who may see attachments', () => {
  it('answers 404 to another account for the list, the download and an upload, and serves staff', async () => {
    // Prepare: a visible attachment on the owner's ticket.
    const ticketNumber = await openTicket(owner.accountId, owner);
    const started = await start(owner.token, ticketNumber, { fileName: 'invoice.pdf', contentType: 'application/pdf', size: PDF.length });
    const { attachmentId, upload } = started.body;
    await postForm(upload, PDF, 'application/pdf');
    await call(api, 'POST', `/api/tickets/${ticketNumber}/attachments/${attachmentId}/complete`, { token: owner.token });
    // Act
    const foreignLink = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments/${attachmentId}`, { token: stranger.token });
    const foreignList = await call(api, 'GET', `/api/tickets/${ticketNumber}/attachments`, { token: stranger.token });
    const foreignUpload = await start(stranger.token, ticketNumber, { fileName: 'x.txt', contentType: 'text/plain', size: 1 });
    const staffList = await call(api, 'GET', `/api/admin/tickets/${ticketNumber}/attachments`, { token: staffToken });
    const staffLink = await call(api, 'GET', `/api/admin/tickets/${ticketNumber}/attachments/${attachmentId}`, { token: staffToken });
    // Assess
    expect(foreignLink.status).toBe(404);
    expect(foreignList.status).toBe(404);
    expect(foreignUpload.status).toBe(404);
    expect(staffList.body.items.map((item: { attachmentId: string }) => item.attachmentId)).toEqual([attachmentId]);
    const file = await s3().send(new GetObjectCommand({ Bucket: filesBucket(), Key: attachmentObjectKey(ticketNumber, attachmentId) }));
    expect(Buffer.from(await file.Body!.transformToByteArray())).toEqual(PDF);
    expect((await fetch(staffLink.body.url)).status).toBe(200);
  });

  it('answers 404 to a billing person for a ticket another person opened, and 403 to a read-only person uploading', async () => {
    const ticketNumber = await openTicket(owner.accountId, owner);
    const billing = await signIn(api, 'customer', await addMember(owner.accountId, 'billing'));
    const readOnly = await signIn(api, 'customer', await addMember(owner.accountId, 'read-only'));
    const body = { fileName: 'x.txt', contentType: 'text/plain', size: 1 };
    expect((await start(billing, ticketNumber, body)).status).toBe(404);
    const refused = await start(readOnly, ticketNumber, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ROLE_NOT_ALLOWED');
  });
});
