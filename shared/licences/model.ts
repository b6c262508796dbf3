// The licence entity: a licence the customer bought, and the computer it is activated on. Owns its keys, its item,
// `licenceItem` / `licenceFromItem` and the one mapping of its fields; use cases work on `StoredLicence` values.

import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys, SK_PREFIX } from '#shared/db/keys.ts';
import { licenceFields } from '#shared/licences/fields.ts';
import * as z from '#shared/validation.ts';

export interface Licence {
  licenceId: string;
  product: string;
  /** Serial number or the computer id the licence is bound to. */
  serial: string;
  /** For time-limited licences, how many days they run; absent for perpetual ones. */
  days?: number;
  users: number;
  edition: string;
  orderId: string;
  orderReference: string;
  purchasedAt: string;
  /** The end of the newest support subscription covering this licence, if any. */
  supportEndsAt?: string;
  /** The computer the licence is activated on (one per licence; docs/licensing-api.md), absent while it is free. */
  computerId?: string;
  /** When it was activated on that computer (or transferred to it). */
  activatedAt?: string;
  /** When staff revoked it; the licensing API refuses a revoked licence and its file says so. */
  revokedAt?: string;
}

/** The licence as stored: its fields and the state of its computer binding, which never leaves the API as it is. */
export interface StoredLicence extends Licence {
  /** +1 on every change of the computer: the condition that makes transfers safe against races. */
  bindingVersion?: number;
  /** Instants of the transfers and deactivations of the last 30 days (docs/licensing-api.md). */
  recentMoves?: string[];
}

export interface LicenceView extends Licence {
  supportActive: boolean;
}

export const licenceKey = keys.licence;
/** Sort-key prefix of an account's licences (Query with begins_with). */
export const LICENCE_PREFIX = SK_PREFIX.licence;

const licenceSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    ...licenceFields(z.string()),
    bindingVersion: z.optional(z.number()),
    recentMoves: z.optional(z.array(z.string())),
  }),
);

export function licenceItem(accountId: string, licence: StoredLicence): Item {
  return { ...licenceKey(accountId, licence.licenceId), type: 'Licence', accountId, ...licence };
}

export function licenceFromItem(item: Item): StoredLicence {
  return parseItem('Licence', licenceSchema, item);
}

/** The licence's own fields, without the binding's bookkeeping: what the customer's pages show. */
export function toLicence(stored: StoredLicence): Licence {
  const { bindingVersion: _version, recentMoves: _moves, ...licence } = stored;
  return licence;
}

/** What the licence pages show of a stored licence: its fields and whether support is active at `now`. */
export function toLicenceView(item: Item, now: Date): LicenceView {
  const licence = toLicence(licenceFromItem(item));
  return { ...licence, supportActive: licence.supportEndsAt !== undefined && new Date(licence.supportEndsAt) > now };
}
