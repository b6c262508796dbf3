// The licence event entity, the audit trail of a licence's computer: every activation, transfer and deactivation (and
// staff's revocation and reissue of its file, and its paid upgrades), who made it, when, from which computer to which, and from which address. Kept in the account's partition, newest first
// when read backwards. Owns its key, its item and `licenceEventItem` / `licenceEventFromItem`.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { accountPartition, keys, SK_PREFIX } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { licenceEventFields } from '#shared/licences/fields.ts';
import * as z from '#shared/validation.ts';

export type LicenceEventAction = 'activated' | 'transferred' | 'deactivated' | 'revoked' | 'reissued' | 'upgraded';

/**
 * Who changed the licence: a signed-in customer in the portal, the vendor's software through the licensing API, the
 * vendor's staff, or the payment of an order (an upgrade: named by the order's e-mail, with no address, like the
 * subscription events a payment makes). The customer reads these events, so a staff change names no staff member: the
 * audit trail does.
 */
export type LicenceActor =
  | { by: 'customer'; userId: string; email: string; sourceIp: string }
  | { by: 'licensing-api'; sourceIp: string }
  | { by: 'staff'; sourceIp: string }
  | { by: 'payment'; email: string };

export interface LicenceEvent {
  /** A ULID of the event's time, so the sort key orders events by time. */
  eventId: string;
  licenceId: string;
  action: LicenceEventAction;
  at: string;
  /** The computer the licence left (transferred, deactivated). */
  fromComputerId?: string;
  /** The computer the licence is on afterwards (activated, transferred). */
  toComputerId?: string;
  /** An upgrade (issue #15): the edition and seats before and after (same licence, serial and computer), and its order. */
  edition?: { from: string; to: string };
  users?: { from: number; to: number };
  orderReference?: string;
  by: LicenceActor['by'];
  /** The customer's user id and e-mail, for changes made in the portal; the order's e-mail for a payment's. */
  userId?: string;
  email?: string;
  /** Where the change came from; absent for a payment's. */
  sourceIp?: string;
}

export const licenceEventKey = keys.licenceEvent;
/** Sort-key prefix of one licence's events (Query with begins_with). */
export const licenceEventPrefix = (licenceId: string) => `${SK_PREFIX.licenceEvent}${licenceId}#`;

const licenceEventSchema = /* @__PURE__ */ lazySchema(() => z.object(licenceEventFields(z.string())));

export function licenceEventItem(accountId: string, event: LicenceEvent): Item {
  return { ...licenceEventKey(accountId, event.licenceId, event.eventId), type: 'LicenceEvent', accountId, ...event };
}

/** The event's own fields from a table item, validated: keys never leave the API. */
export function licenceEventFromItem(item: Item): LicenceEvent {
  return parseItem('LicenceEvent', licenceEventSchema, item);
}

/** One licence's events, newest first, a page at a time. The partition is the caller's account, never the cursor's. */
export function listLicenceEvents(
  accountId: string,
  licenceId: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<LicenceEvent>> {
  return queryPage(
    {
      partition: accountPartition(accountId),
      sortKeyPrefix: licenceEventPrefix(licenceId),
      newestFirst: true,
      ...(page.limit ? { limit: page.limit } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    licenceEventFromItem,
  );
}
