// The part of the audit trail (shared/audit/audit.ts) the customer page's staff actions use: their use cases take the
// trail's `commit`, so the handler passes its AuditTrail's and nothing else of the request.

import type { AuditTrail } from '#shared/audit/audit.ts';

export type { AuditChange, AuditTarget, TransactItem } from '#shared/audit/audit.ts';

export type AuditCommit = AuditTrail['commit'];
