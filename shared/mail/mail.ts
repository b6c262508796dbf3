// One e-mail as Atrium's use cases write it.

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. `List-Unsubscribe` on marketing mail (SES v2 `Content.Simple.Headers`). */
  headers?: Record<string, string>;
  /** Another sender than the stage's MAIL_FROM (support mail: config().supportMailFrom). */
  from?: string;
  /** Where replies go (a ticket's signed reply address: shared/tickets/). */
  replyTo?: string;
  /** Files sent with it (SES v2 `Content.Simple.Attachments`), e.g. the activation files of a fulfilled order. */
  attachments?: MailAttachment[];
}

/** One attached file. The content is base64, so the mail stays plain JSON on the mail queue. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The file's bytes, base64-encoded. */
  content: string;
}

/**
 * The most attachment bytes (base64) one mail carries: the whole mail travels as one SQS message (256 KB at most), so a
 * builder leaves its files out past this and points to the portal instead.
 */
export const MAX_ATTACHMENT_BYTES = 200_000;

/** One licence as the order confirmation lists it. */
export interface ConfirmedLicence {
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  supportEndsAt?: string;
}
