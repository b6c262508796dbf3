// Contracts of the staff's own pages: the dashboard.

import { auditEntry } from '#shared/api/audit.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import * as z from '#shared/validation.ts';

/** What the dashboard counts (shared/staff/attention.ts keeps the counts). */
export const ATTENTION_KIND_NAMES = ['companies-awaiting-verification', 'unpaid-orders', 'open-tickets'] as const;

export const getDashboard = contract({
  method: 'GET',
  path: '/api/admin/dashboard',
  summary: 'Staff: what needs attention (counts kept as things happen) and the latest staff actions.',
  access: staff('admin', 'support', 'billing'),
  request: {},
  response: json(
    z.strictObject({
      /** One per kind; `count` is absent while nothing keeps that count yet. */
      attention: z.array(z.strictObject({ kind: z.enum(ATTENTION_KIND_NAMES), count: z.optional(z.number()) })),
      recent: z.array(auditEntry),
    }),
  ),
});
