// The licensing API the vendor's software calls, without a user or a token: activate a licence of the account that owns
// an activation key on one computer, and fetch the licence's current file again (refresh). An unknown key and a licence
// that is not on this computer get the same answer after the same reads, so the API does not tell which keys exist; both
// are rate-limited per activation key and per source address. See docs/licensing-api.md.

import { QueryCommand } from '#shared/db/commands.ts';
import { accountIdForActivationKey, normaliseActivationKey } from '#shared/accounts/activation-key.ts';
import { db, tableName } from '#shared/db/client.ts';
import { accountPartition } from '#shared/db/keys.ts';
import { AppError, ConflictError } from '#shared/http/errors.ts';
import { activateLicence, readLicence, type ActivationOutcome } from '#shared/licences/activations.ts';
import { licenceFile, type SignedLicenceFile } from '#shared/licences/issue-file.ts';
import type { LicenceActor } from '#shared/licences/licence-events.ts';
import { LICENCE_PREFIX, licenceFromItem, type StoredLicence } from '#shared/licences/model.ts';
import { consumeRateLimit } from '#shared/rate-limit.ts';

/**
 * Budgets per fixed 10-minute window. A program activates once per computer and refreshes now and then, so 100 a
 * window is far above one customer's use; an office behind one address gets the same. Guessing keys (60 random bits)
 * at 100 per 10 minutes per address gets nowhere.
 */
export const LICENSING_LIMITS = {
  perSourceIp: { name: 'licensing-ip', max: 100, windowSeconds: 600 },
  perActivationKey: { name: 'licensing-key', max: 100, windowSeconds: 600 },
} as const;

/** At most this many of an account's licences are looked through when activating by product. */
const MAX_LICENCES_BY_PRODUCT = 1000;
const PAGE = 100;

// No account has this id (accounts are ULIDs, demo ones `demo-...`): an unknown key still costs the reads a known one does.
const NO_ACCOUNT = '-';

/** The one answer for an unknown key, an unknown licence and a licence on another computer (refresh). */
export const noMatchingLicence = () =>
  new AppError(404, 'ACTIVATION_NOT_FOUND', 'No licence matches this activation key, licence and computer.');

/**
 * A licence the vendor's staff revoked: refused with a stable code, and the details carry the licence's signed file,
 * which states `revokedAt`, so the software's verifier reports `revoked` (docs/licence-files.md).
 */
async function revoked(accountId: string, licence: StoredLicence): Promise<AppError> {
  const file = await licenceFile(accountId, licence);
  return new ConflictError('This licence has been revoked by the vendor.', 'LICENCE_REVOKED', {
    revokedAt: licence.revokedAt,
    file,
  });
}

const seatsExhausted = () =>
  new ConflictError(
    'This licence is already activated on another computer. Transfer it to this computer in the customer portal, or buy another licence.',
    'SEATS_EXHAUSTED',
  );

export interface LicensingAnswer {
  activation: {
    licenceId: string;
    product: string;
    edition: string;
    users: number;
    computerId: string;
    activatedAt: string;
  };
  file: SignedLicenceFile;
}

/** Counts the request against both budgets, then finds the key's account (or NO_ACCOUNT, which holds nothing). */
async function admit(activationKey: string, sourceIp: string): Promise<string> {
  const message = 'Too many licensing requests. Wait a few minutes and try again.';
  await consumeRateLimit(LICENSING_LIMITS.perSourceIp, sourceIp, message);
  await consumeRateLimit(LICENSING_LIMITS.perActivationKey, normaliseActivationKey(activationKey), message);
  return (await accountIdForActivationKey(activationKey)) ?? NO_ACCOUNT;
}

/** Answers only for a licence activated on a computer (every caller has just activated it or checked it). */
async function answer(accountId: string, licence: StoredLicence): Promise<LicensingAnswer> {
  const { licenceId, product, edition, users, computerId, activatedAt } = licence;
  if (computerId === undefined || activatedAt === undefined) throw new Error(`Licence ${licenceId} has no computer to answer with.`);
  return {
    activation: { licenceId, product, edition, users, computerId, activatedAt },
    file: await licenceFile(accountId, licence),
  };
}

/** The account's licences of one product (named in any case), oldest purchase first. */
async function licencesOfProduct(accountId: string, product: string): Promise<StoredLicence[]> {
  const wanted = product.trim().toLowerCase();
  const found: StoredLicence[] = [];
  let startKey: Record<string, unknown> | undefined;
  for (let read = 0; read < MAX_LICENCES_BY_PRODUCT; read += PAGE) {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':pk': accountPartition(accountId), ':prefix': LICENCE_PREFIX },
        ConsistentRead: true,
        Limit: PAGE,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    found.push(...(page.Items ?? []).map(licenceFromItem).filter((licence) => licence.product.toLowerCase() === wanted));
    startKey = page.LastEvaluatedKey;
    if (!startKey) break;
  }
  return found;
}

/** This computer's licence of the product if it has one, else the oldest free one it can win. */
async function activateProduct(accountId: string, product: string, computerId: string, actor: LicenceActor): Promise<ActivationOutcome> {
  const licences = await licencesOfProduct(accountId, product);
  const already = licences.find((licence) => licence.computerId === computerId);
  if (already)
    return already.revokedAt === undefined ? { outcome: 'already-active', licence: already } : { outcome: 'revoked', licence: already };
  for (const licence of licences.filter((each) => each.computerId === undefined && each.revokedAt === undefined)) {
    const outcome = await activateLicence(accountId, licence, computerId, actor);
    // Lost to another computer in a race: try the next free one.
    if (outcome.outcome === 'activated' || outcome.outcome === 'already-active') return outcome;
  }
  // Revoked licences are no candidates: a product whose every licence is revoked is not the account's any more.
  return { outcome: licences.some((licence) => licence.revokedAt === undefined) ? 'taken' : 'missing' };
}

export interface ActivateInput {
  activationKey: string;
  computerId: string;
  /** The licence to activate; or */
  licenceId?: string;
  /** any free licence of this product. */
  product?: string;
}

/** Activates a licence on a computer and returns its signed file; the same computer again gets the same binding. */
export async function activateOnComputer(input: ActivateInput, sourceIp: string): Promise<LicensingAnswer> {
  const accountId = await admit(input.activationKey, sourceIp);
  const actor: LicenceActor = { by: 'licensing-api', sourceIp };
  const outcome = input.licenceId
    ? await activateLicence(accountId, await readLicence(accountId, input.licenceId), input.computerId, actor)
    : await activateProduct(accountId, input.product ?? '', input.computerId, actor);
  if (outcome.outcome === 'missing') throw noMatchingLicence();
  if (outcome.outcome === 'taken') throw seatsExhausted();
  if (outcome.outcome === 'revoked') throw await revoked(accountId, outcome.licence);
  return answer(accountId, outcome.licence);
}

/** The licence's current signed file, for the computer it is activated on (and no other). */
export async function refreshOnComputer(
  input: { activationKey: string; computerId: string; licenceId: string },
  sourceIp: string,
): Promise<LicensingAnswer> {
  const accountId = await admit(input.activationKey, sourceIp);
  const licence = await readLicence(accountId, input.licenceId);
  if (!licence || licence.computerId !== input.computerId) throw noMatchingLicence();
  if (licence.revokedAt !== undefined) throw await revoked(accountId, licence);
  return answer(accountId, licence);
}
