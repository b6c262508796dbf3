// The fields of a licence and of a licence event, declared once: the API contracts (shared/api/licences.ts) wrap them in
// strict objects with what the API adds, the entity schemas (model.ts, licence-events.ts) in z.objects with what only
// the table keeps. Pure zod, so the web can import the contracts. Functions, not constants: zod's builders look like
// side effects to esbuild, so a shape built at module level would ride along into every bundle importing an entity;
// called inside a lazySchema it stays out. The caller passes its timestamp: the API's `timestamp` checks more than the
// stored string.

import * as z from '#shared/validation.ts';

export function licenceFields<const T extends z.ZodMiniType<string>>(timestamp: T) {
  return {
    licenceId: z.string(),
    product: z.string(),
    /** Serial number or the computer id the licence is bound to. */
    serial: z.string(),
    days: z.optional(z.number()),
    users: z.number(),
    edition: z.string(),
    orderId: z.string(),
    orderReference: z.string(),
    purchasedAt: timestamp,
    supportEndsAt: z.optional(timestamp),
    computerId: z.optional(z.string()),
    activatedAt: z.optional(timestamp),
    /** Set once when staff revoke the licence: the licensing API refuses it from then on (docs/licensing-api.md). */
    revokedAt: z.optional(timestamp),
  };
}

export function licenceEventFields<const T extends z.ZodMiniType<string>>(timestamp: T) {
  return {
    eventId: z.string(),
    licenceId: z.string(),
    action: z.enum(['activated', 'transferred', 'deactivated', 'revoked', 'reissued', 'upgraded']),
    at: timestamp,
    fromComputerId: z.optional(z.string()),
    toComputerId: z.optional(z.string()),
    /** An upgrade (issue #15): the edition and seats before and after, and the order that paid it. */
    edition: z.optional(z.object({ from: z.string(), to: z.string() })),
    users: z.optional(z.object({ from: z.number(), to: z.number() })),
    orderReference: z.optional(z.string()),
    by: z.enum(['customer', 'licensing-api', 'staff', 'payment']),
    userId: z.optional(z.string()),
    email: z.optional(z.string()),
    /** Absent for a change a payment made (an upgrade): no one's address. */
    sourceIp: z.optional(z.string()),
  };
}
