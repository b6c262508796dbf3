// Every e-mail Atrium sends, in English: the catalogue the other languages follow key for key (the type checker and
// test/unit/i18n-catalogues.test.ts hold them to it). `brand` is the deploying vendor's product name
// (shared/brand.ts); links and codes come in as arguments. Plurals through plural(), money and dates through
// shared/i18n/format.ts: no text here asks which language it is.

import type { ConfirmedLicence } from '#shared/mail/mail.ts';
import { formatDay } from '#shared/i18n/format.ts';

// British English dates (29 Nov 2026): the portal's English is British.
const locale = 'en-GB';

export const mailEn = {
  signInCode: {
    subject: (brand: string, code: string) => `Your ${brand} sign-in code: ${code}`,
    text: (code: string) =>
      `Your one-time sign-in code is ${code}.\n\nIt is valid for 10 minutes and works once. If you did not try to sign in, ignore this message and change your password.`,
  },
  confirmEmail: {
    subject: (brand: string) => `Confirm your e-mail address for ${brand}`,
    text: (link: string) =>
      `Thank you for signing up. To confirm your e-mail address and activate your account, open this link:\n\n${link}\n\nThe link is valid for 24 hours. If you did not sign up, ignore this message.`,
  },
  passwordReset: {
    subject: (brand: string) => `Set a new password for ${brand}`,
    text: (link: string) =>
      `We received a request to set a new password. To set it, open this link:\n\n${link}\n\nThe link is valid for 1 hour and works once. If it was not you, ignore this message: your password stays as it is.`,
  },
  staffInvitation: {
    subject: (brand: string) => `Your invitation to the ${brand} back office`,
    text: (brand: string, to: string, link: string, signInUrl: string) =>
      `You have a staff account in ${brand} (${to}). To set your first password, open this link:\n\n${link}\n\nThe link is valid for 1 hour and works once. When it has expired, choose "Forgot your password?" on ${signInUrl} and enter this address. Every sign-in also asks for a one-time code we e-mail you.`,
  },
  alreadyRegistered: {
    subject: (brand: string) => `You already have an account for ${brand}`,
    text: (brand: string, signInUrl: string, forgotUrl: string) =>
      `Someone (perhaps you) tried to sign up for ${brand} with this address, but it already has an account.\n\nSign in: ${signInUrl}\nForgot your password? Set a new one: ${forgotUrl}\n\nIf it was not you, ignore this message.`,
  },
  orderConfirmation: {
    subject: (reference: string) => `Your order ${reference}: your licences`,
    licence: (licence: ConfirmedLicence, index: number) =>
      [
        `${index + 1}. ${licence.product}, ${licence.edition} edition, ${licence.users} users`,
        `   Serial number: ${licence.serial}`,
        ...(licence.days ? [`   Time-limited: ${licence.days} days`] : []),
        licence.supportEndsAt ? `   Support & updates until ${formatDay(licence.supportEndsAt, locale)}` : '   No support & updates',
      ].join('\n'),
    service: (service: { product: string; plan: string; paidUntil: string }, index: number) =>
      `${index + 1}. ${service.product}, ${service.plan} plan: service started, paid until ${formatDay(service.paidUntil, locale)}`,
    text: (input: { reference: string; licences: string; services?: string; total: string; signInUrl: string }) =>
      `Thank you for your order ${input.reference}.${input.licences ? ` These licences are now on your account:\n\n${input.licences}` : ''}` +
      `${input.services ? `\n\nThese services started and are on your account:\n\n${input.services}` : ''}\n\n` +
      `Total: ${input.total}\n\n` +
      `Your licences, their licence files and your activation key are in the customer portal: ${input.signInUrl}\n` +
      `Choose "Order number", then enter this e-mail address and the order number ${input.reference}. ` +
      `We will e-mail you a one-time code to finish signing in.`,
  },
  /** Closes every mail (shared/mail/templates.ts withFooter, Cognito's too): who sent it and where to get help. */
  footer: (brand: string, supportEmail: string, legal: string) => `\n\n-- \n${brand} · Help: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- people --
  people: {
    roles: { owner: 'Owner', billing: 'Billing', technical: 'Technical', 'read-only': 'Read-only' },
    invitation: {
      subject: (brand: string, account: string) => `You are invited to ${account} in ${brand}`,
      text: (input: { brand: string; account: string; inviter: string; role: string; link: string; expires: string }) =>
        `${input.inviter} invites you to act for ${input.account} in ${input.brand}, with the role ${input.role}.\n\n` +
        `To accept, open this link:\n\n${input.link}\n\n` +
        `It works once and until ${input.expires}. If you have no account yet, you choose a password there. ` +
        `If you did not expect this invitation, ignore this message.`,
    },
    roleChanged: {
      subject: (brand: string, account: string) => `Security notice: a role changed in ${account} (${brand})`,
      text: (input: { person: string; account: string; role: string; by: string }) =>
        `The role of ${input.person} in ${input.account} is now ${input.role}. Changed by ${input.by}.\n\n` +
        `If you did not expect this change, contact the account's owner.`,
    },
    removed: {
      subject: (brand: string, account: string) => `Security notice: someone was removed from ${account} (${brand})`,
      text: (input: { person: string; account: string; by: string }) =>
        `${input.person} no longer acts for ${input.account}. Removed by ${input.by}.\n\n` +
        `If you did not expect this change, contact the account's owner.`,
    },
    left: {
      subject: (brand: string, account: string) => `Security notice: someone left ${account} (${brand})`,
      text: (input: { person: string; account: string }) =>
        `${input.person} left ${input.account} and no longer acts for it.\n\nIf you did not expect this, contact the account's owner.`,
    },
    joined: {
      subject: (brand: string, account: string) => `Security notice: someone joined ${account} (${brand})`,
      text: (input: { person: string; account: string; role: string }) =>
        `${input.person} accepted an invitation and now acts for ${input.account}, with the role ${input.role}.\n\n` +
        `If you did not expect this, contact the account's owner.`,
    },
  },
  // -- notifications: the mailing list's unsubscribe line, the change of e-mail --
  news: {
    unsubscribe: (link: string) => `You receive this because you joined our mailing list. Unsubscribe with one click: ${link}`,
  },
  emailChangeCode: {
    subject: (brand: string, code: string) => `Your ${brand} code to confirm your new e-mail address: ${code}`,
    text: (code: string) =>
      `To make this your new sign-in address, enter this code on the page where you asked for the change: ${code}\n\nIt is valid for 1 hour. If you did not ask for it, ignore this message: nothing changes.`,
  },
  emailChanged: {
    subject: (brand: string) => `Your ${brand} e-mail address was changed`,
    text: (newEmail: string, supportEmail: string) =>
      `The sign-in address of your account was changed to ${newEmail}. From now on, sign in with the new address; this address receives no more mail from us.\n\nIf you did not do this, write to ${supportEmail} at once.`,
  },
  // -- security --
  ipRefused: {
    subject: (brand: string) => `${brand}: a sign-in from an address not on your allow-list was refused`,
    text: (input: { email: string; sourceIp: string; at: string; securityUrl: string }) =>
      `We refused access to ${input.email} from the IP address ${input.sourceIp} (${input.at} UTC): it is not on the person's IP allow-list.\n\n` +
      `If it was you, sign in from an allowed address and add this one on ${input.securityUrl}, or ask our support to clear the list. ` +
      `If it was not you, change your password now.\n\nWe send this notice at most once an hour for the same address.`,
  },
  passwordChanged: {
    subject: (brand: string) => `${brand}: your password was changed`,
    text: (input: { email: string; sourceIp: string; at: string; securityUrl: string }) =>
      `The password of ${input.email} was changed from the IP address ${input.sourceIp} (${input.at} UTC). Every session was signed out, the one it was changed in too.\n\n` +
      `If it was not you, set a new password through "Forgot your password?" at once and check ${input.securityUrl}.`,
  },
  securityCodeSet: {
    subject: (brand: string) => `${brand}: your phone support security code was set`,
    text: (input: { email: string; sourceIp: string; at: string; securityUrl: string }) =>
      `A new security code for phone support was set for ${input.email} from the IP address ${input.sourceIp} (${input.at} UTC). The code itself is never shown or mailed.\n\n` +
      `If it was not you, change your password and set a new code on ${input.securityUrl}.`,
  },
  // -- profile --
  companyVerification: {
    subject: (approved: boolean): string => (approved ? 'Your company data is verified' : 'We could not verify your company data'),
    text: (input: { approved: boolean; accountName: string; reason: string; brand: string }) =>
      input.approved
        ? `We have verified the company data of ${input.accountName}. Checkout and paying invoices in ${input.brand} are open again.\n\nOur note: ${input.reason}`
        : `We could not verify the company data submitted for ${input.accountName}, for this reason:\n\n${input.reason}\n\nYour account keeps its previous data. Correct the data under Account → Profile and submit it again.`,
  },
  // -- assets --
  // -- tickets --
  ticketReceived: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] We received your ticket: ${subject}`,
    text: (input: { ticketNumber: number; subject: string; requester: string; link: string; brand: string }) =>
      `We received ticket #${input.ticketNumber} "${input.subject}", opened by ${input.requester} in ${input.brand}.\n\n` +
      `Our support team will answer it there; you can follow it and add details at ${input.link}`,
  },
  // -- ticket-thread --
  // -- staff-tickets --
  staffTicketReply: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] ${subject}`,
    text: (input: { ticketNumber: number; body: string; link: string; byMail: boolean }) =>
      `Our support team replied to your ticket #${input.ticketNumber}:\n\n${input.body}\n\n` +
      `See the whole conversation and reply at ${input.link}${input.byMail ? ', or simply answer this e-mail.' : '.'}`,
  },
  staffTicketStatus: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] ${subject}`,
    text: (input: { ticketNumber: number; status: string; comment?: string; link: string }) =>
      `The status of your ticket #${input.ticketNumber} is now: ${input.status}.` +
      `${input.comment ? `\n\n${input.comment}` : ''}\n\nSee the ticket at ${input.link}.`,
    statuses: {
      new: 'new',
      open: 'open',
      'waiting-for-customer': 'waiting for your answer',
      'waiting-for-vendor': 'waiting for the vendor',
      resolved: 'resolved',
      closed: 'closed',
    },
  },
  // -- attachments --
  // -- ticket-mail --
  ticketReplyToClosed: {
    subject: (ticketNumber: number, subject: string) => `Ticket #${ticketNumber} is closed: your reply was not added (${subject})`,
    text: (input: { ticketNumber: number; url: string; days: number; brand: string }) =>
      `Your e-mail reply to ticket #${input.ticketNumber} was not added: the ticket is closed.\n\nYou can reopen it in ${input.brand} within ${input.days} days of closing and write your reply there:\n${input.url}\n\nLater than that, please open a new ticket.`,
  },
  // -- sla --
  slaBreach: {
    subject: (ticketNumber: number, subject: string) => `SLA breached: ticket #${ticketNumber} ${subject}`,
    target: { 'first-response': 'first response', resolution: 'resolution' } as Record<'first-response' | 'resolution', string>,
    and: ' and ',
    priority: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } as Record<'low' | 'normal' | 'high' | 'urgent', string>,
    text: (input: {
      productName: string;
      ticketNumber: number;
      accountName: string;
      priority: string;
      targets: string;
      dueAt: string;
      link: string;
    }) =>
      `Ticket #${input.ticketNumber} of ${input.accountName} (priority ${input.priority}) has passed its ${input.targets} target, due ${input.dueAt} UTC.\n\nOpen it in the ${input.productName} back office: ${input.link}`,
  },
  // -- knowledge --
};

export type MailMessages = typeof mailEn;
