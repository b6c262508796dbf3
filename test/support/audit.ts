// An audit trail for tests that call a staff use case in-process, without the HTTP handler that normally starts it.

import { type RecordingAuditTrail, startAuditTrail } from '#shared/audit/audit.ts';
import type { AuditDeclaration } from '#shared/api/contract.ts';

export function auditTrailForTests(
  declaration: AuditDeclaration,
  staff = { userId: 'staff-test', email: 'staff.test@example.test', groups: ['admin'] },
): RecordingAuditTrail {
  return startAuditTrail({ declaration, staff, reason: undefined, sourceIp: '10.0.0.1', requestId: 'test-request' });
}
