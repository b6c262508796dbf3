// What may be attached to a ticket, written once: the server checks requests and uploads against it, the web's file
// picker checks the files before asking (web/src/attachments.tsx). Pure data, so the web imports it without server code.

/** The largest file: 20 MB (the presigned POST's content-length-range and the check after upload). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Files uploading on one ticket at once (and attached to one message): the picker takes at most this many. */
export const MAX_PENDING_ATTACHMENTS = 10;
/** Every attachment a ticket may ever have: keeps its list one bounded Query. */
export const MAX_ATTACHMENTS_PER_TICKET = 100;

export interface AttachmentType {
  extensions: readonly string[];
  /** The one Content-Type the upload is signed for and checked against (not the browser's guess). */
  contentType: string;
  /** Possible first bytes of such a file; a type without one is checked by `text` or not at all. */
  magic?: ReadonlyArray<readonly number[]>;
  /** Plain text: no NUL byte in the first bytes. */
  text?: true;
}

const ZIP = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
] as const;

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { extensions: ['pdf'], contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { extensions: ['png'], contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  {
    extensions: ['gif'],
    contentType: 'image/gif',
    magic: [
      [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    ],
  },
  { extensions: ['txt'], contentType: 'text/plain', text: true },
  { extensions: ['log'], contentType: 'text/plain', text: true },
  { extensions: ['csv'], contentType: 'text/csv', text: true },
  { extensions: ['eml'], contentType: 'message/rfc822', text: true },
  { extensions: ['zip'], contentType: 'application/zip', magic: ZIP },
  { extensions: ['7z'], contentType: 'application/x-7z-compressed', magic: [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]] },
  { extensions: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  { extensions: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
];

/** The type of a file by its name's extension (case-insensitive), or undefined when it may not be attached. */
export function attachmentTypeFor(fileName: string): AttachmentType | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return ATTACHMENT_TYPES.find((type) => type.extensions.includes(extension));
}

/** The `accept` attribute of a file input: every allowed extension. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');
