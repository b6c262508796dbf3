// Distributors and their clients written through the use cases (as staff assign them, audited), for tests of what a
// distributor does for its clients' subscriptions: renew all due, auto-renew paid by the distributor.

import { assignClient, markDistributor } from '#shared/accounts/distributors.ts';
import * as api from '#shared/api/distributors.ts';
import { auditTrailForTests } from './audit.ts';

/** Marks the account a distributor (once) and assigns it these client accounts. */
export async function makeDistributor(distributorId: string, clientIds: readonly string[]): Promise<void> {
  await markDistributor({ accountId: distributorId, distributor: true, commit: auditTrailForTests(api.markDistributor.audit).commit });
  for (const clientId of clientIds) {
    const trail = auditTrailForTests(api.assignClient.audit);
    await assignClient({ distributorId, clientId, commit: trail.commit, replayed: () => trail.replayed() });
  }
}
