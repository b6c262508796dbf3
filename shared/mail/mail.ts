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
}

/** One licence as the order confirmation lists it. */
export interface ConfirmedLicence {
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  supportEndsAt?: string;
}
