// What the people use cases share: how a person is named in mails, counting owners, and reading a transaction's
// cancellation reasons.

import type { Membership } from '#shared/accounts/membership.ts';
import type { Person } from '#shared/accounts/person.ts';

/** "Anna Nowak" when the person gave a name, else their e-mail. */
export function displayName(person: Pick<Person, 'firstName' | 'lastName'>, email: string): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return name || email;
}

export const owners = (members: readonly Membership[]) => members.filter((member) => member.role === 'owner').length;

/** The per-item reasons of a cancelled transaction (`None` where an item was fine), or undefined for any other error. */
export function cancellationCodes(error: unknown): string[] | undefined {
  if ((error as Error).name !== 'TransactionCanceledException') return undefined;
  return ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}
