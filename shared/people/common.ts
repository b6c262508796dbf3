// What the people use cases share: how a person is named in mails, counting owners, and reading a transaction's
// cancellation reasons.

import type { Invitation } from '#shared/accounts/invitation.ts';
import type { Membership } from '#shared/accounts/membership.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import type { Locale } from '#shared/i18n/locale.ts';
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

/** Invitations read per account: the live ones are at most MAX_PEOPLE_PER_ACCOUNT; expired ones wait for TTL. */
export const INVITATIONS_READ = 100;

export interface InvitationView {
  invitationId: string;
  email: string;
  role: CustomerRole;
  locale: Locale;
  invitedBy: string;
  sentAt: string;
  expiresAt: string;
}

export function invitationView(invitation: Invitation): InvitationView {
  return {
    invitationId: invitation.invitationId,
    email: invitation.email,
    role: invitation.role,
    locale: invitation.locale,
    invitedBy: invitation.invitedBy.email,
    sentAt: invitation.sentAt,
    expiresAt: new Date(invitation.expiresAt * 1000).toISOString(),
  };
}
