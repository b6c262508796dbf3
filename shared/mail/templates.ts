// Every e-mail Atrium sends, built from the mail catalogue of the recipient's language (shared/mail/messages/): the
// functions here pick the texts and fill them in; they never ask which language it is.

import { brand } from '#shared/brand.ts';
import { formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { ConfirmedLicence, Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';

export type { ConfirmedLicence };

export function signInCodeMail(to: string, code: string, locale: Locale): Mail {
  const texts = mailMessages(locale).signInCode;
  return { to, subject: texts.subject(brand().productName, code), text: texts.text(code) };
}

/** The links in account e-mails: the code travels in the URL, unencoded, so Cognito can put it in for `{####}`. */
export function accountLink(
  portalUrl: string,
  page: 'confirm-email' | 'reset-password' | 'admin/reset-password',
  email: string,
  code: string,
): string {
  return `${portalUrl}/${page}?email=${encodeURIComponent(email)}&code=${code}`;
}

export function confirmEmailMail(to: string, link: string, locale: Locale): Mail {
  const texts = mailMessages(locale).confirmEmail;
  return { to, subject: texts.subject(brand().productName), text: texts.text(link) };
}

export function passwordResetMail(to: string, link: string, locale: Locale): Mail {
  const texts = mailMessages(locale).passwordReset;
  return { to, subject: texts.subject(brand().productName), text: texts.text(link) };
}

/** Sent when an admin invites a staff user: the link sets their first password (the reset code, valid 1 hour). */
export function staffInvitationMail(to: string, link: string, portalUrl: string, locale: Locale): Mail {
  const texts = mailMessages(locale).staffInvitation;
  const name = brand().productName;
  return { to, subject: texts.subject(name), text: texts.text(name, to, link, `${portalUrl}/admin/sign-in`) };
}

/** Sent instead of a confirmation when someone signs up with an address that already has an account. */
export function alreadyRegisteredMail(to: string, portalUrl: string, locale: Locale): Mail {
  const texts = mailMessages(locale).alreadyRegistered;
  const name = brand().productName;
  return { to, subject: texts.subject(name), text: texts.text(name, `${portalUrl}/sign-in`, `${portalUrl}/forgot-password`) };
}

export interface OrderConfirmation {
  reference: string;
  licences: ConfirmedLicence[];
  total: { amountMinor: number; currency: string };
  portalUrl: string;
}

/** Sent when staff create an order for a customer: what it issued, and how to sign in with the order number. */
export function orderConfirmationMail(to: string, order: OrderConfirmation, locale: Locale): Mail {
  const texts = mailMessages(locale).orderConfirmation;
  return {
    to,
    subject: texts.subject(order.reference),
    text: texts.text({
      reference: order.reference,
      licences: order.licences.map(texts.licence).join('\n\n'),
      total: formatMoney(order.total, locale),
      signInUrl: `${order.portalUrl}/sign-in`,
    }),
  };
}

/** Sent when staff approve or reject the company data an account submitted; a rejection carries their reason. */
export function companyVerificationMail(
  to: string,
  decision: { approved: boolean; accountName: string; reason: string },
  locale: Locale,
): Mail {
  const texts = mailMessages(locale).companyVerification;
  return { to, subject: texts.subject(decision.approved), text: texts.text({ ...decision, brand: brand().productName }) };
}
