// Response pieces many contracts share: money, pages, timestamps. Pure zod, like the contracts that use them.

import * as z from '#shared/validation.ts';

/** An ISO 8601 timestamp as the API writes it (`2024-03-15T10:30:00.000Z`). */
export const timestamp = z.string().check(z.minLength(1));

export const moneySchema = z.strictObject({ amountMinor: z.number().check(z.int()), currency: z.string().check(z.length(3)) });

/** A page of a list; `nextCursor` goes back as `cursor` for the next page and is absent on the last one. */
export function pageOf<const T extends z.ZodMiniType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.optional(z.string()) });
}

/** Why a staff user takes an action the audit trail asks a reason for (AuditDeclaration `reason`). */
export const auditReason = z.string().check(z.trim(), z.minLength(3), z.maxLength(500));
