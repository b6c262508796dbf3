// The one mail of replies by e-mail: a contact who answered a closed ticket is told their reply was not added.

import { brand } from '#shared/brand.ts';
import { config } from '#shared/config.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { REOPEN_WITHIN_DAYS, type Ticket } from '#shared/tickets/model.ts';

export function closedTicketReplyMail(to: string, ticket: Pick<Ticket, 'ticketNumber' | 'subject'>, locale: Locale): Mail {
  const texts = mailMessages(locale).ticketReplyToClosed;
  const { portalUrl, supportMailFrom } = config();
  return withFooter(locale, {
    to,
    from: supportMailFrom,
    subject: texts.subject(ticket.ticketNumber, ticket.subject),
    text: texts.text({
      ticketNumber: ticket.ticketNumber,
      url: `${portalUrl}/tickets/${ticket.ticketNumber}`,
      days: REOPEN_WITHIN_DAYS,
      brand: brand().productName,
    }),
  });
}
