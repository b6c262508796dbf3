// The person's IP allow-list as the security centre shows and saves it, and the staff's "clear the list" on the
// customer page. Matching and parsing are pure (ip-allow-list.ts); enforcement is in customerCaller, sign-in and refresh.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { AuditCommit } from '#shared/accounts/audited.ts';
import { membershipFromItem, membershipKey } from '#shared/accounts/membership.ts';
import { getPerson, type Person, personUpdate, updatePerson } from '#shared/accounts/person.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { checkAllowList, ipAllowed, MAX_ALLOW_LIST_ENTRIES } from '#shared/security/ip-allow-list.ts';

export interface AllowListView {
  entries: string[];
  currentAddress: string;
  currentAddressAllowed: boolean;
  maxEntries: number;
}

export function allowListView(person: Person, sourceIp: string): AllowListView {
  const entries = person.ipAllowList ?? [];
  return { entries, currentAddress: sourceIp, currentAddressAllowed: ipAllowed(entries, sourceIp), maxEntries: MAX_ALLOW_LIST_ENTRIES };
}

/**
 * Saves the list as typed: 400 naming each bad line; 409 LOCKOUT_NOT_CONFIRMED when the list would refuse the address
 * the person is using now and they did not confirm it. An empty list removes the restriction. One UpdateItem.
 */
export async function saveAllowList(
  userId: string,
  input: { lines: readonly string[]; confirmLockout?: boolean | undefined; sourceIp: string },
): Promise<AllowListView> {
  const { entries, problems } = checkAllowList(input.lines);
  if (problems.length > 0) {
    throw new ValidationError(
      problems
        .map((problem) => (problem.line ? `Line ${problem.line} (${problem.entry}): ${problem.message}.` : `${problem.message}.`))
        .join(' '),
      problems.map((problem) => ({ path: `body.lines.${Math.max(problem.line - 1, 0)}`, ...problem })),
    );
  }
  if (!ipAllowed(entries, input.sourceIp) && input.confirmLockout !== true) {
    throw new ConflictError(
      `This list does not include the address you are using now (${input.sourceIp}): saving it signs you out here. Add the address, or confirm.`,
      'LOCKOUT_NOT_CONFIRMED',
      { currentAddress: input.sourceIp },
    );
  }
  const person = await updatePerson(userId, { ipAllowList: entries.length > 0 ? entries : undefined });
  return allowListView(person, input.sourceIp);
}

/**
 * Staff: clears the list of one person of the account, with the audit entry in the same transaction. 404 when the
 * person is not one of the account's people. Two reads side by side (the membership and the person), one transaction.
 */
export async function staffClearAllowList(context: {
  accountId: string;
  personId: string;
  commit: AuditCommit;
}): Promise<{ entries: string[] }> {
  const [membership, person] = await Promise.all([
    db().send(new GetCommand({ TableName: tableName(), Key: membershipKey(context.accountId, context.personId) })),
    getPerson(context.personId),
  ]);
  if (!membership.Item) throw new NotFoundError('This person is not one of the account’s people.');
  const { email } = membershipFromItem(membership.Item);
  const update = personUpdate(context.personId, { ipAllowList: undefined });
  await context.commit({
    target: { kind: 'account', id: context.accountId, accountId: context.accountId, label: email },
    changes: changesBetween({ ipAllowList: person.ipAllowList ?? [] }, { ipAllowList: [] }, ['ipAllowList']),
    items: [{ Update: update }],
  });
  return { entries: [] };
}
