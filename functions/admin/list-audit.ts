// Staff (admin): the audit trail, newest first, with filters (shared/audit/audit.ts says how each is one Query).

import { staffCaller } from '#shared/accounts/caller.ts';
import { listAuditEntries } from '#shared/audit/audit.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ValidationError } from '#shared/http/errors.ts';
import * as api from '#shared/api/audit.ts';

/** A day alone means the whole day: from its first to its last millisecond (UTC). */
const startOf = (value: string) => (value.length === 10 ? `${value}T00:00:00.000Z` : value);
const endOf = (value: string) => (value.length === 10 ? `${value}T23:59:59.999Z` : value);

export const handler = httpHandler(api.listAudit, async ({ query, event }) => {
  await staffCaller(event);
  if ((query.targetKind === undefined) !== (query.targetId === undefined)) {
    throw new ValidationError('Give both the target kind and the target id, or neither.', [
      { path: 'query.targetId', message: 'with targetKind' },
    ]);
  }
  const from = query.from ? startOf(query.from) : undefined;
  const to = query.to ? endOf(query.to) : undefined;
  if (from && to && new Date(from) > new Date(to)) {
    throw new ValidationError('The start date is after the end date.', [{ path: 'query.from', message: 'after to' }]);
  }
  const page = await listAuditEntries(
    {
      ...(query.staffUserId ? { staffUserId: query.staffUserId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetKind && query.targetId ? { target: { kind: query.targetKind, id: query.targetId } } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
    { ...(query.limit ? { limit: query.limit } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) },
  );
  return { body: page };
});
