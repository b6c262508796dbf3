// The mail that confirms a new ticket: "we received your ticket #n", to the requester and the account's support
// recipients, each in their language, from the support sender, with the ticket number in the subject.

import { brand } from '#shared/brand.ts';
import { config } from '#shared/config.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { sendMail } from '#shared/mail/send.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import type { Ticket } from '#shared/tickets/model.ts';

export function ticketReceivedMail(to: string, locale: Locale, ticket: Pick<Ticket, 'ticketNumber' | 'subject' | 'requester'>): Mail {
  const texts = mailMessages(locale).ticketReceived;
  const link = `${config().portalUrl}/tickets/${ticket.ticketNumber}`;
  return withFooter(locale, {
    to,
    from: config().supportMailFrom,
    subject: texts.subject(ticket.ticketNumber, ticket.subject),
    text: texts.text({
      ticketNumber: ticket.ticketNumber,
      subject: ticket.subject,
      requester: ticket.requester.name ?? ticket.requester.email,
      link,
      brand: brand().productName,
    }),
  });
}

/** Mails the account's support recipients, then the requester unless they were among them: one mail per address. */
export async function mailTicketReceived(ticket: Ticket, requesterLocale: Locale): Promise<string[]> {
  const { recipients } = await mailAccount(ticket.accountId, 'support', (recipient) =>
    ticketReceivedMail(recipient.email, recipient.locale, ticket),
  );
  const requester = ticket.requester.email.toLowerCase();
  if (recipients.some((email) => email.toLowerCase() === requester)) return recipients;
  await sendMail(ticketReceivedMail(ticket.requester.email, requesterLocale, ticket));
  return [...recipients, ticket.requester.email];
}
