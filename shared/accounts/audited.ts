// The part of the audit trail (shared/audit/audit.ts) the customer page's staff actions use: their use cases take the
// trail's `commit`, so they can be called with the handler's AuditTrail and tested with a recording one.
// Until the audit core is merged these mirror its types; afterwards they are its own.

import type { TransactWriteCommandInput } from '#shared/db/commands.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AuditTarget {
  kind: 'account' | 'licence' | 'order' | 'contract' | 'support' | 'staff-user' | 'catalogue' | 'import';
  id: string;
  accountId?: string;
  label?: string;
}

export interface AuditChange {
  field: string;
  before?: string | number | boolean | null;
  after?: string | number | boolean | null;
}

export type AuditCommit = (input: { target: AuditTarget; changes?: AuditChange[]; items: readonly TransactItem[] }) => Promise<unknown>;
