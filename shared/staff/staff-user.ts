// The staff user entity: a member of the vendor's staff as Atrium knows them (e-mail, groups, status, language). The
// staff user pool (Cognito, or the local adapter) holds the credentials and the groups the tokens carry; this item is
// the directory the staff pages list and what the audit trail names. Read by staffCaller on every staff request, in
// the same Query as the staff user's session revocation (docs/data-model.md).

import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { STAFF_GROUPS, type StaffGroup } from '#shared/accounts/groups.ts';
import { staffRevocationFromItem, staffRevocationKey } from '#shared/auth/revocation.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

export const STAFF_USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type StaffUserStatus = (typeof STAFF_USER_STATUSES)[number];

export interface StaffUser {
  /** The staff pool's `sub`. */
  userId: string;
  email: string;
  groups: StaffGroup[];
  /** `invited` until the first password is chosen; `disabled` staff cannot sign in and their tokens are refused. */
  status: StaffUserStatus;
  locale: Locale;
  createdAt: string;
}

export const staffUserKey = keys.staffUser;
export const staffDirectoryKey = keys.staffDirectory;
/** The GSI1 partition listing every staff user. */
export const STAFF_DIRECTORY_PARTITION = keys.staffDirectory('', '').GSI1PK;

const staffUserSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    userId: z.string(),
    email: z.string(),
    groups: z.array(z.enum(STAFF_GROUPS)),
    status: z.enum(STAFF_USER_STATUSES),
    locale: z.enum(LOCALES),
    createdAt: z.string(),
  }),
);

export function staffUserItem(user: StaffUser): Item {
  return { ...staffUserKey(user.userId), ...staffDirectoryKey(user.email, user.userId), type: 'StaffUser', ...user };
}

export function staffUserFromItem(item: Item): StaffUser {
  return parseItem('StaffUser', staffUserSchema, item);
}

/** What staffCaller needs on every request: the staff user (if Atrium has their item) and their revocation time. */
export interface StaffUserState {
  user: StaffUser | undefined;
  revokedBefore: number | undefined;
}

/**
 * The staff user and their session revocation in one Query: both sort keys lie between `STAFF` and
 * `STAFF#REVOCATION` (a view-as session, `STAFF#VIEWAS#...`, sorts after them and is not read).
 */
export async function staffUserState(userId: string): Promise<StaffUserState> {
  const revocationSortKey = staffRevocationKey(userId).SK;
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': staffUserKey(userId).PK, ':from': staffUserKey(userId).SK, ':to': revocationSortKey },
    }),
  );
  const state: StaffUserState = { user: undefined, revokedBefore: undefined };
  for (const item of result.Items ?? []) {
    if (item.SK === revocationSortKey) state.revokedBefore = staffRevocationFromItem(item).revokedBefore;
    else state.user = staffUserFromItem(item);
  }
  return state;
}
