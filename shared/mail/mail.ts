// One e-mail as Atrium's use cases write it.

export interface Mail {
  to: string;
  subject: string;
  text: string;
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
