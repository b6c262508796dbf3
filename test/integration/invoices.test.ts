// The invoices routes through the local API Gateway: the account's list (newest first, statuses, the unpaid filter),
// the PDF through its presigned link (rendered once, then served from the files bucket), another account's invoice is
// a 404, the payment history, and the staff list by kind and number.

import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { invoicePdfKey } from '#shared/billing/invoice-files.ts';
import { unpaidInvoicesSummary } from '#shared/billing/invoice-list.ts';
import { addMember, call, createCustomer, createStaff, purchases, signIn, startTestApi, type TestApi } from '../support/api.ts';
import { issueTestInvoice, markCorrected, putTestPayment } from '../support/invoices.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['billing']));
});
afterAll(() => api.stop());

async function customer() {
  const created = await createCustomer(purchases(1));
  return { accountId: created.account.accountId, token: await signIn(api, 'customer', created.login) };
}

const days = (count: number) => new Date(Date.now() + count * 86_400_000);

async function pdfText(url: string): Promise<{ status: number; bytes: Uint8Array; text: string }> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = bytes[0] === 0x25 && bytes.length > 100 ? (await extractText(bytes.slice(), { mergePages: true })).text : '';
  return { status: response.status, bytes, text: text.replace(/[\u00a0\u202f]/g, ' ') };
}

describe('GET /api/invoices', () => {
  it('lists the account’s invoices newest first, with gross, due date and status, and filters the unpaid ones', async () => {
    // Prepare
    const { accountId, token } = await customer();
    const paid = await issueTestInvoice(accountId, { at: days(-40), paidAt: days(-40) });
    const overdue = await issueTestInvoice(accountId, { kind: 'proforma', at: days(-30), dueAt: days(-16) });
    const corrected = await issueTestInvoice(accountId, { at: days(-20), paidAt: days(-20) });
    const correction = await issueTestInvoice(accountId, {
      kind: 'correction',
      at: days(-10),
      lines: [{ description: 'Zwrot', quantity: 1, unitNetMinor: -3333 }],
      corrects: { invoiceId: corrected.invoiceId, number: corrected.number },
      reason: 'Zwrot części',
    });
    await markCorrected(corrected, correction.invoiceId);
    const unpaid = await issueTestInvoice(accountId, {
      kind: 'proforma',
      at: days(-1),
      dueAt: days(13),
      order: { orderId: 'o-1', reference: 'ZAM-1' },
    });

    // Act
    const all = await call(api, 'GET', '/api/invoices', { token });
    const onlyUnpaid = await call(api, 'GET', '/api/invoices?status=unpaid', { token });
    const firstPage = await call(api, 'GET', '/api/invoices?limit=2', { token });
    const secondPage = await call(api, 'GET', `/api/invoices?limit=2&cursor=${firstPage.body.nextCursor}`, { token });

    // Assess
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { number: string; status: string }) => [item.number, item.status])).toEqual([
      [unpaid.number, 'unpaid'],
      [correction.number, 'paid'],
      [corrected.number, 'corrected'],
      [overdue.number, 'overdue'],
      [paid.number, 'paid'],
    ]);
    expect(all.body.items[0]).toEqual({
      invoiceId: unpaid.invoiceId,
      number: unpaid.number,
      kind: 'proforma',
      issuedAt: unpaid.issuedAt,
      dueAt: unpaid.dueAt,
      total: { amountMinor: 12_299, currency: 'PLN' },
      status: 'unpaid',
      orderReference: 'ZAM-1',
    });
    expect(all.body.items[1]).toMatchObject({
      kind: 'correction',
      total: { amountMinor: -4100, currency: 'PLN' },
      corrects: corrected.number,
    });
    expect(onlyUnpaid.body.items.map((item: { number: string }) => item.number)).toEqual([unpaid.number, overdue.number]);
    expect([...firstPage.body.items, ...secondPage.body.items].map((item: { number: string }) => item.number)).toEqual(
      all.body.items.slice(0, 4).map((item: { number: string }) => item.number),
    );
    expect(await unpaidInvoicesSummary(accountId, new Date())).toEqual({
      count: 2,
      overdue: 1,
      due: [{ amountMinor: 24_598, currency: 'PLN' }],
      more: false,
    });
  });

  it('shows another account’s invoices to no one but that account', async () => {
    // Prepare
    const own = await customer();
    const other = await customer();
    await issueTestInvoice(other.accountId);

    // Act
    const listed = await call(api, 'GET', '/api/invoices', { token: own.token });

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
  });
});

describe('GET /api/invoices/{invoiceId}/pdf', () => {
  it('answers a presigned link to the PDF with the invoice’s text, stored under invoices/<account>/<invoice>.pdf', async () => {
    // Prepare
    const { accountId, token } = await customer();
    const invoice = await issueTestInvoice(accountId, {
      kind: 'proforma',
      dueAt: days(14),
      order: { orderId: 'o-2', reference: 'ZAM-7Q' },
    });

    // Act
    const link = await call(api, 'GET', `/api/invoices/${invoice.invoiceId}/pdf`, { token });
    const pdf = await pdfText(link.body.url);

    // Assess
    expect(link.status).toBe(200);
    expect(link.body.fileName).toBe(`${invoice.number.replaceAll('/', '-')}.pdf`);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.text).toContain(`Faktura proforma\nNr ${invoice.number}`);
    expect(pdf.text).toContain('Nabywca\nZażółć Gęślą Jaźń sp. z o.o.\nul. Źródlana 5\n90-001 Łódź');
    expect(pdf.text).toContain('Licencja roczna – księgowość 3 33,33 zł 99,99 zł 23% 23,00 zł 122,99 zł');
    expect(pdf.text).toContain('Tytuł przelewu: ZAM-7Q');
    const stored = await s3().send(new HeadObjectCommand({ Bucket: filesBucket(), Key: `invoices/${accountId}/${invoice.invoiceId}.pdf` }));
    expect(stored.ContentLength).toBe(pdf.bytes.length);
  });

  it('does not render again on the second download: the stored file is served', async () => {
    // Prepare
    const { accountId, token } = await customer();
    const invoice = await issueTestInvoice(accountId);
    const first = await call(api, 'GET', `/api/invoices/${invoice.invoiceId}/pdf`, { token });
    expect(first.status).toBe(200);
    // Replace the stored rendering: a second render would overwrite it, serving it proves there was none.
    await s3().send(new PutObjectCommand({ Bucket: filesBucket(), Key: invoicePdfKey(invoice), Body: '%PDF-1.7 stored marker' }));

    // Act
    const second = await call(api, 'GET', `/api/invoices/${invoice.invoiceId}/pdf`, { token });
    const served = await fetch(second.body.url);

    // Assess
    expect(second.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number.replaceAll('/', '-')}.pdf"`);
    expect(await served.text()).toBe('%PDF-1.7 stored marker');
  });

  it('answers 404 for another account’s invoice and for an unknown id, and 400 for a malformed one', async () => {
    // Prepare
    const own = await customer();
    const other = await customer();
    const foreign = await issueTestInvoice(other.accountId);

    // Act
    const foreignAnswer = await call(api, 'GET', `/api/invoices/${foreign.invoiceId}/pdf`, { token: own.token });
    const unknown = await call(api, 'GET', '/api/invoices/01JD3Q8W5M2K7Z9XG4R6T1V0BN/pdf', { token: own.token });
    const malformed = await call(api, 'GET', '/api/invoices/not-an-id/pdf', { token: own.token });

    // Assess
    expect(foreignAnswer.status).toBe(404);
    expect(foreignAnswer.body.error.code).toBe('NOT_FOUND');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
  });
});

describe('GET /api/payment-history', () => {
  it('lists the account’s payments newest first, and no other account’s', async () => {
    // Prepare
    const { accountId, token } = await customer();
    const other = await customer();
    const older = await putTestPayment(accountId, {
      recordedAt: days(-5).toISOString(),
      bankReference: 'PL/2026/11/0042',
      order: { orderId: 'o', reference: 'ZAM-1' },
    });
    const newer = await putTestPayment(accountId, {
      recordedAt: days(-1).toISOString(),
      method: 'balance',
      amountMinor: 5000,
      order: { orderId: 'o2', reference: 'ZAM-2' },
    });
    await putTestPayment(other.accountId);

    // Act
    const listed = await call(api, 'GET', '/api/payment-history', { token });

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      {
        paymentId: newer.paymentId,
        receivedOn: newer.receivedOn,
        method: 'balance',
        amount: { amountMinor: 5000, currency: 'PLN' },
        orderReference: 'ZAM-2',
      },
      {
        paymentId: older.paymentId,
        receivedOn: older.receivedOn,
        method: 'bank-transfer',
        amount: { amountMinor: 12_299, currency: 'PLN' },
        orderReference: 'ZAM-1',
        bankReference: 'PL/2026/11/0042',
      },
    ]);
  });
});

describe('staff invoices', () => {
  it('lists every account’s invoices newest first, by kind, and finds one by its number', async () => {
    // Prepare
    const first = await customer();
    const second = await customer();
    const proforma = await issueTestInvoice(first.accountId, { kind: 'proforma', dueAt: days(14) });
    const vat = await issueTestInvoice(second.accountId, { paidAt: new Date() });

    // Act
    const all = await call(api, 'GET', '/api/admin/invoices?limit=2', { token: staffToken });
    const proformas = await call(api, 'GET', '/api/admin/invoices?kind=proforma&limit=100', { token: staffToken });
    const byNumber = await call(api, 'GET', `/api/admin/invoices?number=${encodeURIComponent(vat.number)}`, { token: staffToken });
    const noSuchNumber = await call(api, 'GET', '/api/admin/invoices?number=FV/1999/000001', { token: staffToken });

    // Assess
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual([vat.invoiceId, proforma.invoiceId]);
    expect(all.body.items[0]).toMatchObject({ accountId: second.accountId, buyerName: 'Zażółć Gęślą Jaźń sp. z o.o.', status: 'paid' });
    expect(proformas.body.items.every((item: { kind: string }) => item.kind === 'proforma')).toBe(true);
    expect(proformas.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toContain(proforma.invoiceId);
    expect(byNumber.body.items).toEqual([
      expect.objectContaining({ invoiceId: vat.invoiceId, number: vat.number, accountId: second.accountId }),
    ]);
    expect(noSuchNumber.body.items).toEqual([]);
  });

  it('downloads any invoice’s PDF by account and id; a wrong account is 404', async () => {
    // Prepare
    const { accountId } = await customer();
    const other = await customer();
    const invoice = await issueTestInvoice(accountId, {
      buyer: {
        name: 'Müller & Söhne GmbH',
        address: { line1: 'Königsallee 12', postalCode: '40212', city: 'Düsseldorf' },
        country: 'DE',
        profileType: 'company',
        vatId: 'DE123456789',
      },
      currency: 'EUR',
    });

    // Act
    const link = await call(api, 'GET', `/api/admin/invoices/${invoice.invoiceId}/pdf?accountId=${accountId}`, { token: staffToken });
    const wrongAccount = await call(api, 'GET', `/api/admin/invoices/${invoice.invoiceId}/pdf?accountId=${other.accountId}`, {
      token: staffToken,
    });
    const pdf = await pdfText(link.body.url);

    // Assess
    expect(link.status).toBe(200);
    expect(pdf.text).toContain(`Rechnung\nNr. ${invoice.number}`);
    expect(pdf.text).toContain('Müller & Söhne GmbH');
    expect(pdf.text).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(wrongAccount.status).toBe(404);
  });
});

describe('the home page’s unpaid invoices tile', () => {
  it('counts the unpaid and overdue invoices with the sum due for billing roles, and is absent for technical people', async () => {
    // Prepare
    const { accountId, token } = await customer();
    await issueTestInvoice(accountId, { kind: 'proforma', dueAt: days(10) });
    await issueTestInvoice(accountId, { kind: 'proforma', dueAt: days(-1), at: days(-15), currency: 'EUR' });
    await issueTestInvoice(accountId, { paidAt: new Date() });
    const technical = await signIn(api, 'customer', await addMember(accountId, 'technical'));

    // Act
    const owner = await call(api, 'GET', '/api/me/home?locale=en', { token });
    const technicalHome = await call(api, 'GET', '/api/me/home?locale=en', { token: technical });

    // Assess
    expect(owner.status).toBe(200);
    expect(owner.body.tiles.unpaidInvoices).toEqual({
      count: 2,
      more: false,
      due: expect.arrayContaining([
        { amountMinor: 12_299, currency: 'PLN' },
        { amountMinor: 12_299, currency: 'EUR' },
      ]),
    });
    expect(technicalHome.status).toBe(200);
    expect(technicalHome.body.tiles.unpaidInvoices).toBeUndefined();
  });
});
