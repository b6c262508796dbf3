// One e-mail as Atrium's use cases write it.

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. `List-Unsubscribe` on marketing mail (SES v2 `Content.Simple.Headers`). */
  headers?: Record<string, string>;
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
