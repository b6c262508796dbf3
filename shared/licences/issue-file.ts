// Signs the `.lic` files Atrium hands out (docs/licence-files.md): a licence, bound to its computer once activated, and
// a support & updates subscription. The portal offers them as downloads; the licensing API returns the licence's.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import type { FileReply } from '#shared/http/handler.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { licenceNotFound } from '#shared/licences/activations.ts';
import { signLicence, type LicenceFileFields } from '#shared/licences/licence-file.ts';
import { licenceSigningKey } from '#shared/licences/signing-key.ts';
import { listLicenceSupport } from '#shared/support/list-support.ts';
import { nowIso } from '#shared/time.ts';

/** Text with a charset: the payload carries product names in any language. Sent as an attachment. */
export const LICENCE_FILE_TYPE = 'text/plain; charset=utf-8';

type Item = Record<string, unknown>;

/** What a licence file says about the computer: the one it is activated on, else its serial number. */
function serialOf(licence: Item): string {
  return (licence.computerId ?? licence.serial) as string;
}

/**
 * The licence's own end of support or the end of any subscription covering it, whichever is later: a renewal bought
 * after the licence shows in the next file without the licence item being rewritten.
 */
function newestSupportEnd(licence: Item, subscriptionEnds: string[]): string | undefined {
  const ends = [licence.supportEndsAt, ...subscriptionEnds].filter((end): end is string => typeof end === 'string');
  return ends.sort().at(-1);
}

/** The signed `.lic` file of these fields, as a download. */
async function signedFile(fields: LicenceFileFields, filename: string): Promise<FileReply> {
  return { contentType: LICENCE_FILE_TYPE, filename, content: signLicence(fields, await licenceSigningKey()) };
}

/** Signs the current file of one licence item; reads the subscriptions covering it for the end of support. */
export async function licenceFile(accountId: string, licence: Item, subscriptionEnds?: string[]): Promise<FileReply> {
  const ends = subscriptionEnds ?? (await listLicenceSupport(accountId, licence.licenceId as string)).map((each) => each.endsAt);
  const supportEndsAt = newestSupportEnd(licence, ends);
  const fields: LicenceFileFields = {
    kind: 'licence',
    licenceId: licence.licenceId as string,
    accountId,
    product: licence.product as string,
    edition: licence.edition as string,
    users: licence.users as number,
    serial: serialOf(licence),
    ...(typeof licence.days === 'number' ? { days: licence.days } : {}),
    ...(supportEndsAt ? { supportEndsAt } : {}),
    issuedAt: nowIso(),
  };
  return signedFile(fields, `${fields.product}-${fields.serial}.lic`);
}

/** The signed-in customer's licence as a file; another account's licence (or none) is not found. */
export async function downloadLicenceFile(accountId: string, licenceId: string): Promise<FileReply> {
  // Both reads are keyed by the caller's account, so they run together and neither reaches another account.
  const [found, subscriptions] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: keys.licence(accountId, licenceId) })),
    listLicenceSupport(accountId, licenceId),
  ]);
  if (!found.Item) throw licenceNotFound();
  return licenceFile(accountId, found.Item, subscriptions.map((each) => each.endsAt));
}

/**
 * The signed-in customer's support subscription as a file (kind `support`), bound to the computer its licence is on
 * now, so a transferred licence's support file matches its new computer.
 */
export async function downloadSupportFile(accountId: string, subscriptionId: string): Promise<FileReply> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.supportSubscription(accountId, subscriptionId) }));
  const subscription = found.Item;
  if (!subscription) throw new NotFoundError('The support subscription was not found.');
  const licence = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.licence(accountId, subscription.licenceId as string) }),
  );
  const serial = licence.Item ? serialOf(licence.Item) : (subscription.serial as string);
  const fields: LicenceFileFields = {
    kind: 'support',
    licenceId: subscription.subscriptionId as string,
    accountId,
    product: subscription.product as string,
    edition: subscription.edition as string,
    users: subscription.users as number,
    serial,
    supportEndsAt: subscription.endsAt as string,
    issuedAt: nowIso(),
  };
  return signedFile(fields, `${fields.product}-${serial}-support.lic`);
}
