// Staff actions on a customer's licence, from the customer page: free it or move it to another computer (no transfer
// limit: staff moves do not count against the customer's), revoke it, and reissue its file. Each reads the licence,
// then hands one conditional update and the licence's event to the audit trail's commit, which writes them with the
// audit entry in one transaction. A lost race (another write changed the licence in between) is a 409 to retry.

import type { AuditCommit, AuditTarget } from '#shared/accounts/audited.ts';
import { tableName } from '#shared/db/client.ts';
import { ConflictError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { bindingOf, licenceBusy, licenceNotFound, licenceRevoked, readLicence, type LicenceBinding } from '#shared/licences/activations.ts';
import { licenceFile, type SignedLicenceFile } from '#shared/licences/issue-file.ts';
import { licenceEventItem, type LicenceEvent, type LicenceEventAction } from '#shared/licences/licence-events.ts';
import { licenceKey, type StoredLicence } from '#shared/licences/model.ts';
import { now } from '#shared/time.ts';

export interface StaffContext {
  accountId: string;
  licenceId: string;
  sourceIp: string;
  commit: AuditCommit;
}

function targetOf(accountId: string, licence: StoredLicence): AuditTarget {
  return { kind: 'licence', id: licence.licenceId, accountId, label: `${licence.product} ${licence.serial}` };
}

function staffEvent(
  licence: StoredLicence,
  action: LicenceEventAction,
  at: Date,
  sourceIp: string,
  computers: { from?: string; to?: string } = {},
): LicenceEvent {
  return {
    eventId: newId(at),
    licenceId: licence.licenceId,
    action,
    at: at.toISOString(),
    ...(computers.from ? { fromComputerId: computers.from } : {}),
    ...(computers.to ? { toComputerId: computers.to } : {}),
    by: 'staff',
    sourceIp,
  };
}

function eventPut(accountId: string, event: LicenceEvent) {
  return { Put: { TableName: tableName(), Item: licenceEventItem(accountId, event), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** The licence, or 404; a revoked one cannot be changed any more. */
async function changeableLicence(accountId: string, licenceId: string): Promise<StoredLicence> {
  const licence = await readLicence(accountId, licenceId);
  if (!licence) throw licenceNotFound();
  if (licence.revokedAt !== undefined) throw licenceRevoked(licence.revokedAt);
  return licence;
}

/** Runs the audited write; a cancelled transaction means the licence changed since it was read (or a retry raced). */
async function commitOrBusy(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') throw licenceBusy();
    throw error;
  }
}

/**
 * Frees the licence (`toComputerId` undefined) or binds it to another computer, whether it is on one now or free. No
 * transfer limit applies and the customer's count (`recentMoves`) is left as it is; the version still moves on, so a
 * customer's transfer racing this one fails its condition and reads again.
 */
export async function staffMoveLicence(context: StaffContext, toComputerId: string | undefined): Promise<LicenceBinding> {
  const { accountId, licenceId } = context;
  const licence = await changeableLicence(accountId, licenceId);
  const from = licence.computerId;
  if (from === undefined && toComputerId === undefined) {
    throw new ConflictError('This licence is not activated on any computer.', 'LICENCE_NOT_ACTIVATED');
  }
  if (from === toComputerId) throw new ConflictError('The licence is already on this computer.', 'ALREADY_ON_COMPUTER');
  const at = now();
  const version = licence.bindingVersion ?? 0;
  const action: LicenceEventAction = toComputerId === undefined ? 'deactivated' : from === undefined ? 'activated' : 'transferred';
  await commitOrBusy(() =>
    context.commit({
      target: targetOf(accountId, licence),
      changes: [{ field: 'computerId', before: from ?? null, after: toComputerId ?? null }],
      items: [
        {
          Update: {
            TableName: tableName(),
            Key: licenceKey(accountId, licenceId),
            UpdateExpression: toComputerId
              ? 'SET computerId = :to, activatedAt = :at, bindingVersion = :next'
              : 'SET bindingVersion = :next REMOVE computerId, activatedAt',
            ConditionExpression: [
              'attribute_exists(PK)',
              'attribute_not_exists(revokedAt)',
              from === undefined ? 'attribute_not_exists(computerId)' : 'computerId = :from',
              version === 0 ? 'attribute_not_exists(bindingVersion)' : 'bindingVersion = :version',
            ].join(' AND '),
            ExpressionAttributeValues: {
              ':next': version + 1,
              ...(from === undefined ? {} : { ':from': from }),
              ...(version === 0 ? {} : { ':version': version }),
              ...(toComputerId ? { ':to': toComputerId, ':at': at.toISOString() } : {}),
            },
          },
        },
        eventPut(
          accountId,
          staffEvent(licence, action, at, context.sourceIp, { ...(from ? { from } : {}), ...(toComputerId ? { to: toComputerId } : {}) }),
        ),
      ],
    }),
  );
  const { computerId: _from, activatedAt: _at, ...rest } = licence;
  const after = toComputerId ? { ...rest, computerId: toComputerId, activatedAt: at.toISOString() } : rest;
  return bindingOf({ ...after, bindingVersion: version + 1 }, at);
}

/**
 * Revokes the licence for good: `revokedAt` is set once (conditionally), the licensing API refuses it from then on
 * with `LICENCE_REVOKED`, and every file signed afterwards states `revokedAt`, which the verifier reports as `revoked`.
 */
export async function staffRevokeLicence(context: StaffContext): Promise<{ licenceId: string; revokedAt: string }> {
  const { accountId, licenceId } = context;
  const licence = await readLicence(accountId, licenceId);
  if (!licence) throw licenceNotFound();
  if (licence.revokedAt !== undefined) {
    throw new ConflictError('This licence has already been revoked.', 'ALREADY_REVOKED', { revokedAt: licence.revokedAt });
  }
  const at = now();
  const revokedAt = at.toISOString();
  await commitOrBusy(() =>
    context.commit({
      target: targetOf(accountId, licence),
      changes: [{ field: 'revokedAt', before: null, after: revokedAt }],
      items: [
        {
          Update: {
            TableName: tableName(),
            Key: licenceKey(accountId, licenceId),
            UpdateExpression: 'SET revokedAt = :at',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':at': revokedAt },
          },
        },
        eventPut(accountId, staffEvent(licence, 'revoked', at, context.sourceIp, licence.computerId ? { from: licence.computerId } : {})),
      ],
    }),
  );
  return { licenceId, revokedAt };
}

/**
 * Reissues the licence's file: signs a new file now (today's key, computer and end of support, a new `issuedAt`),
 * records it in the licence's history and the audit, and hands it to staff to pass on. Files are signed on demand, so
 * the customer's own download gives the same content from now on; the reissue is the recorded, deliberate version of
 * it (after a key rollover, or when the customer lost theirs). A revoked licence gets no new file.
 */
export async function staffReissueLicenceFile(context: StaffContext): Promise<SignedLicenceFile & { licenceId: string; issuedAt: string }> {
  const { accountId, licenceId } = context;
  const licence = await changeableLicence(accountId, licenceId);
  const at = now();
  const file = await licenceFile(accountId, licence, undefined, at.toISOString());
  await commitOrBusy(() =>
    context.commit({
      target: targetOf(accountId, licence),
      changes: [{ field: 'file', after: file.filename }],
      items: [
        {
          ConditionCheck: {
            TableName: tableName(),
            Key: licenceKey(accountId, licenceId),
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
          },
        },
        eventPut(accountId, staffEvent(licence, 'reissued', at, context.sourceIp)),
      ],
    }),
  );
  return { licenceId, issuedAt: at.toISOString(), ...file };
}
