// The audit trail is append-only by construction: only shared/audit/audit.ts builds the keys of audit entries (and
// writes them with conditional Puts in `commit`), so no route or job can address an entry to update or delete it.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const AUDIT_KEYS = /keys\.(auditEntry|auditByStaff|auditByTarget|accountAudit)\b/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('audit entries are append-only', () => {
  it('builds audit entry keys only in shared/audit/audit.ts', () => {
    const users = [...sources('functions'), ...sources('shared'), ...sources('infra')].filter((file) =>
      AUDIT_KEYS.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(users).toEqual(['shared/audit/audit.ts']);
  });

  it('writes them only with Puts that require the key to be new', () => {
    const module = readFileSync(join(ROOT, 'shared/audit/audit.ts'), 'utf8');
    expect(module).toContain("ConditionExpression: 'attribute_not_exists(PK)'");
    expect(module).not.toMatch(/UpdateCommand|DeleteCommand|Update:|Delete:/);
  });
});
