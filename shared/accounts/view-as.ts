// "View as customer": a staff user's read-only look at one customer account, exactly as its owner sees it. Started by
// an audited staff action with a reason (functions/admin/start-view-as.ts); it lasts an hour. The customer routes are
// mounted for staff under `/api/view-as/{accountId}` (functions/routes.ts); customerCaller resolves such a request to
// the account's owner when the staff user has a live session for that account, and the shared handler refuses every
// write route before it runs (docs/authentication.md, "View as customer").

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { nowEpochSeconds } from '#shared/time.ts';
import * as z from '#shared/validation.ts';

/** How long a view-as session lasts. */
export const VIEW_AS_SECONDS = 60 * 60;

export interface ViewAsSession {
  staffUserId: string;
  accountId: string;
  /** The account owner whose pages the staff user sees. */
  ownerUserId: string;
  ownerEmail: string;
  startedAt: string;
  /** Epoch seconds (also the item's TTL). */
  expiresAt: number;
}

export const viewAsSessionKey = keys.viewAsSession;

const viewAsSessionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    staffUserId: z.string(),
    accountId: z.string(),
    ownerUserId: z.string(),
    ownerEmail: z.string(),
    startedAt: z.string(),
    expiresAt: z.number(),
  }),
);

export function viewAsSessionItem(session: ViewAsSession): Item {
  return { ...viewAsSessionKey(session.staffUserId, session.accountId), type: 'ViewAsSession', ...session };
}

export function viewAsSessionFromItem(item: Item): ViewAsSession {
  return parseItem('ViewAsSession', viewAsSessionSchema, item);
}

/** The staff user's live session for this account (one GetItem), or undefined when there is none or it has expired. */
export async function liveViewAsSession(staffUserId: string, accountId: string): Promise<ViewAsSession | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: viewAsSessionKey(staffUserId, accountId) }));
  if (!found.Item) return undefined;
  const session = viewAsSessionFromItem(found.Item);
  return session.expiresAt > nowEpochSeconds() ? session : undefined;
}
