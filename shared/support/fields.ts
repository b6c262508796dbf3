// The fields of a support subscription, declared once for the API contract (shared/api/licences.ts, which adds its
// status) and the entity schema (model.ts). Pure zod, and a function for the reason shared/licences/fields.ts gives.

import * as z from '#shared/validation.ts';

export function supportSubscriptionFields<const T extends z.ZodMiniType<string>>(timestamp: T) {
  return {
    subscriptionId: z.string(),
    licenceId: z.string(),
    product: z.string(),
    serial: z.string(),
    users: z.number(),
    edition: z.string(),
    orderId: z.string(),
    orderReference: z.string(),
    startsAt: timestamp,
    years: z.number(),
    endsAt: timestamp,
  };
}
