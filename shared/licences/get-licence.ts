// One licence of the caller's account with every support subscription covering it; another account's id is not found.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { licenceKey, toLicenceView, type LicenceView } from '#shared/licences/model.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import type { SupportSubscriptionView } from '#shared/support/model.ts';
import { now } from '#shared/time.ts';

export interface LicenceDetail extends LicenceView {
  supportSubscriptions: SupportSubscriptionView[];
}

export async function getLicence(accountId: string, licenceId: string): Promise<LicenceDetail> {
  const at = now();
  // Both keys carry the caller's account, so the two reads can run together and neither reaches another account.
  const [licence, supportSubscriptions] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: licenceKey(accountId, licenceId) })),
    listLicenceSupport(accountId, licenceId, at),
  ]);
  if (!licence.Item) throw new NotFoundError('The licence was not found.');
  return { ...toLicenceView(licence.Item, at), supportSubscriptions };
}
