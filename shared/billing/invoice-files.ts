// An invoice's PDF in the files bucket (`invoices/<accountId>/<invoiceId>.pdf`): rendered and stored the first time
// someone downloads it, then served from there through a short presigned GET. The invoice item never changes once
// issued, so the stored rendering never goes stale and is never rendered again.

import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { presignedDownload } from '#shared/aws/presigned-get.ts';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { type Invoice, invoiceLocale } from '#shared/billing/invoice.ts';
import { renderInvoicePdf } from '#shared/billing/invoice-pdf.ts';

export const INVOICE_PDF_PREFIX = 'invoices/';

export function invoicePdfKey(invoice: Pick<Invoice, 'accountId' | 'invoiceId'>): string {
  return `${INVOICE_PDF_PREFIX}${invoice.accountId}/${invoice.invoiceId}.pdf`;
}

/** `FV/2026/000123` -> `FV-2026-000123.pdf`: ASCII only, so one plain Content-Disposition name is enough. */
export function invoiceFileName(invoice: Pick<Invoice, 'number'>): string {
  return `${invoice.number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`;
}

/**
 * Whether the PDF is stored. Without s3:ListBucket (the functions are not granted it) S3 answers a missing object with
 * 403 rather than 404: both mean "render it"; if writing is truly forbidden, the PutObject that follows says so.
 */
async function isStored(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: filesBucket(), Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return false;
    throw error;
  }
}

/** Stores the PDF unless it is there already; answers whether it rendered one. */
export async function storeInvoicePdf(invoice: Invoice): Promise<boolean> {
  const key = invoicePdfKey(invoice);
  if (await isStored(key)) return false;
  const body = await renderInvoicePdf(invoice, invoiceLocale(invoice));
  await s3().send(new PutObjectCommand({ Bucket: filesBucket(), Key: key, Body: body, ContentType: 'application/pdf' }));
  return true;
}

/** A download link (60 to 120 seconds) of the invoice's PDF, stored first if this is its first download. */
export async function invoicePdfDownload(invoice: Invoice): Promise<{ url: string; fileName: string; expiresAt: string }> {
  await storeInvoicePdf(invoice);
  const fileName = invoiceFileName(invoice);
  const link = await presignedDownload(invoicePdfKey(invoice), {
    contentDisposition: `attachment; filename="${fileName}"`,
    contentType: 'application/pdf',
  });
  return { url: link.url, fileName, expiresAt: link.expiresAt };
}
