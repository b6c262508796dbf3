// A paid order line whose target can no longer take it (issue #15): the subscription ended, the licence was revoked,
// the upgrade's SKU left the catalogue, or the subscription or licence changed since the line was priced (another
// plan, another edition). Fulfilments throw it; applyOrderPayment then refuses a payment from the balance (nothing has
// moved: 409 with the code), and credits a bank transfer, which has already arrived, to the buyer's balance and
// cancels the order, since the money must not be lost and the order can never be fulfilled.

import { ConflictError } from '#shared/http/errors.ts';
import type { FulfilmentRefusal } from '#shared/orders/fields.ts';

export type { FulfilmentRefusal };

export class FulfilmentRefused extends ConflictError {
  readonly refusal: FulfilmentRefusal;
  constructor(refusal: FulfilmentRefusal, message: string) {
    super(message, refusal);
    this.refusal = refusal;
  }
}
