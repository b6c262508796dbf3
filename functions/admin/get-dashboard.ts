// Staff: the dashboard. What needs attention (one Query of the attention counters) and the ten latest staff actions
// (one Query of the audit trail), side by side.

import { staffCaller } from '#shared/accounts/caller.ts';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ATTENTION_KINDS, attentionCounts } from '#shared/staff/attention.ts';
import * as api from '#shared/api/staff.ts';

const RECENT = 10;

export const handler = httpHandler(api.getDashboard, async ({ event }) => {
  await staffCaller(event);
  const [counts, recent] = await Promise.all([attentionCounts(), listAuditEntries({}, { limit: RECENT })]);
  return {
    body: {
      attention: ATTENTION_KINDS.map((kind) => (counts[kind] === undefined ? { kind } : { kind, count: counts[kind] })),
      recent: recent.items,
    },
  };
});
