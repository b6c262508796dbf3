// The one list of attachable files: types by extension, the magic numbers the check after upload reads, and the
// Content-Disposition a download gets.

import { describe, expect, it } from 'vitest';
import { attachmentTypeFor } from '#shared/tickets/attachment-types.ts';
import { contentDisposition, matchesMagic } from '#shared/tickets/attachments.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('attachmentTypeFor', () => {
  it('finds the type by the last extension, in any case, and refuses the rest', () => {
    expect(attachmentTypeFor('Report.PDF')?.contentType).toBe('application/pdf');
    expect(attachmentTypeFor('photo.jpeg')?.contentType).toBe('image/jpeg');
    expect(attachmentTypeFor('photo.jpg')?.contentType).toBe('image/jpeg');
    expect(attachmentTypeFor('backup.tar.7z')?.contentType).toBe('application/x-7z-compressed');
    expect(attachmentTypeFor('invoice.pdf.exe')).toBeUndefined();
    expect(attachmentTypeFor('README')).toBeUndefined();
    expect(attachmentTypeFor('page.html')).toBeUndefined();
  });
});

describe('matchesMagic', () => {
  it('accepts a file that starts as its type says and refuses one that does not', () => {
    const pdf = attachmentTypeFor('a.pdf')!;
    const png = attachmentTypeFor('a.png')!;
    const docx = attachmentTypeFor('a.docx')!;
    expect(matchesMagic(pdf, new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(matchesMagic(pdf, new TextEncoder().encode('MZ\x90\x00'))).toBe(false);
    expect(matchesMagic(png, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(true);
    expect(matchesMagic(png, bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(false);
    expect(matchesMagic(docx, bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe(true);
    expect(matchesMagic(pdf, bytes(0x25, 0x50))).toBe(false);
  });

  it('takes text without NUL bytes as text, and refuses a binary disguised as a log', () => {
    const log = attachmentTypeFor('server.log')!;
    expect(matchesMagic(log, new TextEncoder().encode('2026-11-29 09:00 started\n'))).toBe(true);
    expect(matchesMagic(log, bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00))).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('keeps the real name for browsers that read RFC 5987 and gives the others a safe one', () => {
    expect(contentDisposition('Faktura "maj" 2026.pdf')).toBe(
      `attachment; filename="Faktura-maj-2026.pdf"; filename*=UTF-8''Faktura%20%22maj%22%202026.pdf`,
    );
  });
});
