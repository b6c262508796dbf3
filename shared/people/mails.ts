// The mails of the people area, built from the mail catalogue of each recipient's language (shared/mail/messages/,
// `people`): the invitation, and the security notices about one person's membership, which go to that person and to
// the account's security recipients (recipientsFor), each in their own language.

import { brand } from '#shared/brand.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { formatDay } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { sendMail } from '#shared/mail/send.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';

function withFooter(locale: Locale, text: string): string {
  const { productName, supportEmail, legalFooter } = brand();
  return text + mailMessages(locale).footer(productName, supportEmail, legalFooter);
}

export function invitationMail(input: {
  to: string;
  locale: Locale;
  account: string;
  inviter: string;
  role: CustomerRole;
  link: string;
  expiresAt: string;
}): Mail {
  const texts = mailMessages(input.locale).people;
  const name = brand().productName;
  return {
    to: input.to,
    subject: texts.invitation.subject(name, input.account),
    text: withFooter(
      input.locale,
      texts.invitation.text({
        brand: name,
        account: input.account,
        inviter: input.inviter,
        role: texts.roles[input.role],
        link: input.link,
        expires: formatDay(input.expiresAt, input.locale),
      }),
    ),
  };
}

/** What happened to one person's membership: the notice each recipient reads in their language. */
export type MembershipNotice =
  | { kind: 'roleChanged'; person: string; account: string; role: CustomerRole; by: string }
  | { kind: 'removed'; person: string; account: string; by: string }
  | { kind: 'left'; person: string; account: string }
  | { kind: 'joined'; person: string; account: string; role: CustomerRole };

export function membershipNoticeMail(to: string, locale: Locale, notice: MembershipNotice): Mail {
  const texts = mailMessages(locale).people;
  const subject = texts[notice.kind].subject(brand().productName, notice.account);
  let text: string;
  switch (notice.kind) {
    case 'roleChanged':
      text = texts.roleChanged.text({ ...notice, role: texts.roles[notice.role] });
      break;
    case 'removed':
      text = texts.removed.text(notice);
      break;
    case 'left':
      text = texts.left.text(notice);
      break;
    case 'joined':
      text = texts.joined.text({ ...notice, role: texts.roles[notice.role] });
      break;
  }
  return { to, subject, text: withFooter(locale, text) };
}

/**
 * Mails the notice to the person concerned (if given) and to the account's security recipients, each address once.
 * After the change is written: a mail that fails is logged, the change stands.
 */
export async function sendMembershipNotice(
  accountId: string,
  notice: MembershipNotice,
  person?: { email: string; locale: Locale },
): Promise<void> {
  try {
    const recipients = await recipientsFor(accountId, 'security');
    const targets = new Map<string, Locale>();
    if (person) targets.set(person.email, person.locale);
    for (const recipient of recipients) if (!targets.has(recipient.email)) targets.set(recipient.email, recipient.locale);
    await Promise.all([...targets].map(([email, locale]) => sendMail(membershipNoticeMail(email, locale, notice))));
  } catch (error) {
    logger.error('could not mail a membership notice', { error: error as Error });
  }
}
