// One request each of the assets area's audited staff writes (issue #13) accepts against the generated suites' two
// seeded accounts (route-checks.ts), for the generated audit suite's AUDITED_REQUESTS. Nothing is prepared through the
// table: the edit and the move find where the fixture's own asset is now (a move takes it to the other account's
// contract, and the next one brings it back) through the staff list of each account's contract.

import { call } from './api.ts';
import type { SeededApi } from './route-checks.ts';

interface Request {
  path: Record<string, string>;
  body?: unknown;
}

/** Which side's contract the own fixture asset is under now, and the other side. */
async function whereIsTheAsset({ api, fixture }: SeededApi) {
  const listed = await call(api, 'GET', `/api/admin/contracts/${fixture.own.ids.accountContractNumber}/assets`, {
    token: fixture.staffTokens.support,
  });
  const atOwn = (listed.body.items as { assetId: string }[]).some((asset) => asset.assetId === fixture.own.ids.assetId);
  return atOwn ? { here: fixture.own, there: fixture.other } : { here: fixture.other, there: fixture.own };
}

export const ASSET_AUDITED_REQUESTS: Record<string, (suite: SeededApi) => Request | Promise<Request>> = {
  'POST /api/admin/assets': ({ fixture }) => ({
    path: {},
    body: {
      contractNumber: fixture.own.ids.accountContractNumber,
      category: 'network',
      name: 'Audited switch',
      vendor: 'Cisco',
      macAddress: '00-1a-2b-3c-4d-5e',
    },
  }),
  'PATCH /api/admin/customers/{accountId}/assets/{assetId}': async (suite) => {
    const { here } = await whereIsTheAsset(suite);
    return {
      path: { accountId: here.accountId, assetId: suite.fixture.own.ids.assetId },
      body: { location: `Rack ${Math.floor(Math.random() * 1000)}`, reason: 'Moved in the server room.' },
    };
  },
  'POST /api/admin/customers/{accountId}/assets/{assetId}/move': async (suite) => {
    const { here, there } = await whereIsTheAsset(suite);
    return {
      path: { accountId: here.accountId, assetId: suite.fixture.own.ids.assetId },
      body: { contractNumber: there.ids.accountContractNumber, reason: 'Registered under the wrong company.' },
    };
  },
};
