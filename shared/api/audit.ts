// Contracts of the audit trail: staff read it (the audit list, and per customer on the customer page), customers see
// the staff actions on their own account in their activity list (without who on the staff did it), and "view as
// customer" starts with an audited, reasoned action.

import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { AUDIT_TARGET_KINDS, contract, customer, json, staff } from '#shared/api/contract.ts';
import { accountIdSchema, pageQuery } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const auditChange = z.strictObject({ field: z.string(), before: z.optional(auditValue), after: z.optional(auditValue) });
const auditTarget = z.strictObject({
  kind: z.enum(AUDIT_TARGET_KINDS),
  id: z.string(),
  accountId: z.optional(z.string()),
  label: z.optional(z.string()),
});

export const auditEntry = z.strictObject({
  auditId: z.string(),
  at: timestamp,
  action: z.string(),
  actor: z.strictObject({ userId: z.string(), email: z.optional(z.string()), groups: z.array(z.string()) }),
  target: auditTarget,
  changes: z.array(auditChange),
  reason: z.optional(z.string()),
  sourceIp: z.string(),
  requestId: z.string(),
});

/** A day (`2026-11-29`) or an instant (`2026-11-29T10:00:00Z`). */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** What a filter value may hold: the ids and names Atrium writes (no control characters, bounded). */
const filterText = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(200), z.regex(/^[\p{L}\p{N}@._+#:-]+$/u, 'Letters, digits and @ . _ + # : - only.'));

export const listAudit = contract({
  method: 'GET',
  path: '/api/admin/audit',
  summary: 'Staff (admin): the audit trail of staff actions, newest first, filtered by staff user, action, target and dates.',
  access: staff('admin'),
  request: {
    query: z.strictObject({
      ...pageQuery.shape,
      staffUserId: z.optional(filterText),
      action: z.optional(filterText),
      targetKind: z.optional(z.enum(AUDIT_TARGET_KINDS)),
      targetId: z.optional(filterText),
      from: z.optional(dateOrInstant),
      to: z.optional(dateOrInstant),
    }),
  },
  response: json(pageOf(auditEntry)),
});

export const listCustomerAudit = contract({
  method: 'GET',
  path: '/api/admin/customers/{accountId}/audit',
  summary: 'Staff: the audit entries of one customer account (actions on it and on its licences, orders, ...), newest first.',
  access: staff('admin', 'support', 'billing'),
  request: { path: z.strictObject({ accountId: accountIdSchema }), query: pageQuery },
  response: json(pageOf(auditEntry)),
});

export const startViewAs = contract({
  method: 'POST',
  path: '/api/admin/customers/{accountId}/view-as',
  summary: 'Staff: start a one-hour, read-only view of the customer’s pages; the reason is recorded in the audit.',
  access: staff('admin', 'support', 'billing'),
  audit: { action: 'account.view-as', reason: 'required' },
  request: { path: z.strictObject({ accountId: accountIdSchema }), body: z.strictObject({ reason: auditReason }) },
  response: json(z.strictObject({ accountId: z.string(), accountName: z.string(), ownerEmail: z.string(), expiresAt: timestamp }), 201),
});

export const listMyActivity = contract({
  method: 'GET',
  path: '/api/me/activity',
  summary: 'The staff actions on the signed-in customer’s account (a licence freed by support, support extended, ...), newest first.',
  access: customer,
  request: { query: pageQuery },
  response: json(
    pageOf(
      z.strictObject({
        activityId: z.string(),
        at: timestamp,
        action: z.string(),
        target: auditTarget,
        changes: z.array(auditChange),
        /** Which team acted (support, billing, admin), never who. */
        team: z.string(),
      }),
    ),
  ),
});
