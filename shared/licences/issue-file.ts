// Signs the `.lic` files Atrium hands out (docs/licence-files.md): a licence, bound to its computer once activated, and
// a support & updates subscription. The portal offers them as downloads; the licensing API returns the licence's.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { licenceNotFound } from '#shared/licences/activations.ts';
import { signLicence, type LicenceFileFields } from '#shared/licences/licence-file.ts';
import { licenceFromItem, licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import { licenceSigningKey } from '#shared/licences/signing-key.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { supportSubscriptionFromItem, supportSubscriptionKey, type SupportSubscription } from '#shared/support/model.ts';
import { nowIso } from '#shared/time.ts';

/** Text with a charset: the payload carries product names in any language. Handlers send it as an attachment. */
export const LICENCE_FILE_TYPE = 'text/plain; charset=utf-8';

/** A signed `.lic` file: the name to save it under and its text. */
export interface SignedLicenceFile {
  filename: string;
  content: string;
}

/** What a licence file says about the computer: the one it is activated on, else its serial number. */
function serialOf(licence: Pick<StoredLicence, 'computerId' | 'serial'>): string {
  return licence.computerId ?? licence.serial;
}

/**
 * The licence's own end of support or the end of any subscription covering it, whichever is later: a renewal bought
 * after the licence shows in the next file without the licence item being rewritten.
 */
function newestSupportEnd(licence: StoredLicence, subscriptionEnds: string[]): string | undefined {
  const ends = [licence.supportEndsAt, ...subscriptionEnds].filter((end): end is string => end !== undefined);
  return ends.sort().at(-1);
}

/** The file's fields that come from what it covers: the one mapping of licence and subscription fields to a file. */
function coveredFields(
  covered: Pick<StoredLicence, 'product' | 'edition' | 'users'>,
): Pick<LicenceFileFields, 'product' | 'edition' | 'users'> {
  return { product: covered.product, edition: covered.edition, users: covered.users };
}

async function signed(fields: LicenceFileFields, filename: string): Promise<SignedLicenceFile> {
  return { filename, content: signLicence(fields, await licenceSigningKey()) };
}

/** Signs the current file of one licence; reads the subscriptions covering it for the end of support. */
export async function licenceFile(
  accountId: string,
  licence: StoredLicence,
  subscriptionEnds?: string[],
  issuedAt = nowIso(),
): Promise<SignedLicenceFile> {
  const ends = subscriptionEnds ?? (await listLicenceSupport(accountId, licence.licenceId)).map((each) => each.endsAt);
  const supportEndsAt = newestSupportEnd(licence, ends);
  const fields: LicenceFileFields = {
    kind: 'licence',
    licenceId: licence.licenceId,
    accountId,
    ...coveredFields(licence),
    serial: serialOf(licence),
    ...(licence.days === undefined ? {} : { days: licence.days }),
    ...(supportEndsAt ? { supportEndsAt } : {}),
    ...(licence.revokedAt === undefined ? {} : { revokedAt: licence.revokedAt }),
    issuedAt,
  };
  return signed(fields, `${fields.product}-${fields.serial}.lic`);
}

/** The signed-in customer's licence as a file; another account's licence (or none) is not found. */
export async function downloadLicenceFile(accountId: string, licenceId: string): Promise<SignedLicenceFile> {
  // Both reads are keyed by the caller's account, so they run together and neither reaches another account.
  const [found, subscriptions] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: licenceKey(accountId, licenceId) })),
    listLicenceSupport(accountId, licenceId),
  ]);
  if (!found.Item) throw licenceNotFound();
  return licenceFile(
    accountId,
    licenceFromItem(found.Item),
    subscriptions.map((each) => each.endsAt),
  );
}

/** The file of one support subscription, bound to its licence's computer now (or the serial it was bought for). */
function supportFile(accountId: string, subscription: SupportSubscription, licence: StoredLicence | undefined): Promise<SignedLicenceFile> {
  const serial = licence ? serialOf(licence) : subscription.serial;
  const fields: LicenceFileFields = {
    kind: 'support',
    licenceId: subscription.subscriptionId,
    accountId,
    ...coveredFields(subscription),
    serial,
    supportEndsAt: subscription.endsAt,
    issuedAt: nowIso(),
  };
  return signed(fields, `${fields.product}-${serial}-support.lic`);
}

/**
 * The signed-in customer's support subscription as a file (kind `support`), bound to the computer its licence is on
 * now, so a transferred licence's support file matches its new computer.
 */
export async function downloadSupportFile(accountId: string, subscriptionId: string): Promise<SignedLicenceFile> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: supportSubscriptionKey(accountId, subscriptionId) }));
  if (!found.Item) throw new NotFoundError('The support subscription was not found.');
  const subscription = supportSubscriptionFromItem(found.Item);
  const licence = await db().send(new GetCommand({ TableName: tableName(), Key: licenceKey(accountId, subscription.licenceId) }));
  return supportFile(accountId, subscription, licence.Item ? licenceFromItem(licence.Item) : undefined);
}
