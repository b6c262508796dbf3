// The mails a staff user's public reply or change of status sends about a ticket (issue #13): to the ticket's
// requester and the account's support recipients (each once, each in their own language), from the support sender,
// with `[#<number>] <subject>` as the subject and a link to the ticket in the portal. Internal notes send nothing.

import { getPerson } from '#shared/accounts/person.ts';
import { config } from '#shared/config.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { sendMail } from '#shared/mail/send.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import type { Ticket, TicketStatus } from '#shared/tickets/model.ts';

/** The ticket's page in the customer portal. */
export function ticketLink(ticketNumber: number): string {
  return `${config().portalUrl}/tickets/${ticketNumber}`;
}

function supportMail(to: string, locale: Locale, mail: { subject: string; text: string }, replyTo: string | undefined): Mail {
  return withFooter(locale, { to, ...mail, from: config().supportMailFrom, ...(replyTo ? { replyTo } : {}) });
}

/** A staff user's public reply: the reply's Markdown as plain text (it reads as text), and the link to answer. */
export function staffReplyMail(ticket: Ticket, body: string, to: string, locale: Locale, replyTo?: string): Mail {
  const texts = mailMessages(locale).staffTicketReply;
  return supportMail(
    to,
    locale,
    {
      subject: texts.subject(ticket.ticketNumber, ticket.subject),
      text: texts.text({ ticketNumber: ticket.ticketNumber, body, link: ticketLink(ticket.ticketNumber), byMail: replyTo !== undefined }),
    },
    replyTo,
  );
}

/** A change of status, with the staff user's comment if they wrote one. */
export function statusChangeMail(ticket: Ticket, comment: string | undefined, to: string, locale: Locale, replyTo?: string): Mail {
  const texts = mailMessages(locale).staffTicketStatus;
  return supportMail(
    to,
    locale,
    {
      subject: texts.subject(ticket.ticketNumber, ticket.subject),
      text: texts.text({
        ticketNumber: ticket.ticketNumber,
        status: texts.statuses[ticket.status],
        ...(comment ? { comment } : {}),
        link: ticketLink(ticket.ticketNumber),
      }),
    },
    replyTo,
  );
}

/**
 * Mails the account's support recipients, then the requester unless they were among them (addresses compared without
 * case), in the requester's own language.
 */
async function mailTicketPeople(ticket: Ticket, build: (to: string, locale: Locale) => Mail): Promise<string[]> {
  const sent = await mailAccount(ticket.accountId, 'support', (recipient) => build(recipient.email, recipient.locale));
  const reached = new Set(sent.recipients.map((email) => email.toLowerCase()));
  if (!reached.has(ticket.requester.email.toLowerCase())) {
    const person = await getPerson(ticket.requester.userId);
    await sendMail(build(ticket.requester.email, person.locale ?? DEFAULT_LOCALE));
    reached.add(ticket.requester.email.toLowerCase());
  }
  return [...reached];
}

export function mailStaffReply(ticket: Ticket, body: string, replyTo: string | undefined): Promise<string[]> {
  return mailTicketPeople(ticket, (to, locale) => staffReplyMail(ticket, body, to, locale, replyTo));
}

export function mailStatusChange(
  ticket: Ticket,
  _from: TicketStatus,
  comment: string | undefined,
  replyTo: string | undefined,
): Promise<string[]> {
  return mailTicketPeople(ticket, (to, locale) => statusChangeMail(ticket, comment, to, locale, replyTo));
}
