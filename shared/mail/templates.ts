// Every e-mail Atrium sends, built from the mail catalogue of the recipient's language (shared/mail/messages/): the
// functions here pick the texts and fill them in; they never ask which language it is.

import { brand } from '#shared/brand.ts';
import { formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { ConfirmedLicence, Mail } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';

export type { ConfirmedLicence };

/**
 * Every mail built here ends with the stage's footer (brand, support address, legal line: shared/brand.ts), in the
 * mail's language: each builder returns through it.
 */
export function withFooter(locale: Locale, mail: Mail): Mail {
  const { productName, supportEmail, legalFooter } = brand();
  return { ...mail, text: `${mail.text}${mailMessages(locale).footer(productName, supportEmail, legalFooter)}` };
}

export function signInCodeMail(to: string, code: string, locale: Locale): Mail {
  const texts = mailMessages(locale).signInCode;
  return withFooter(locale, { to, subject: texts.subject(brand().productName, code), text: texts.text(code) });
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
  return withFooter(locale, { to, subject: texts.subject(brand().productName), text: texts.text(link) });
}

export function passwordResetMail(to: string, link: string, locale: Locale): Mail {
  const texts = mailMessages(locale).passwordReset;
  return withFooter(locale, { to, subject: texts.subject(brand().productName), text: texts.text(link) });
}

/** Sent when an admin invites a staff user: the link sets their first password (the reset code, valid 1 hour). */
export function staffInvitationMail(to: string, link: string, portalUrl: string, locale: Locale): Mail {
  const texts = mailMessages(locale).staffInvitation;
  const name = brand().productName;
  return withFooter(locale, { to, subject: texts.subject(name), text: texts.text(name, to, link, `${portalUrl}/admin/sign-in`) });
}

/** Sent instead of a confirmation when someone signs up with an address that already has an account. */
export function alreadyRegisteredMail(to: string, portalUrl: string, locale: Locale): Mail {
  const texts = mailMessages(locale).alreadyRegistered;
  const name = brand().productName;
  return withFooter(locale, {
    to,
    subject: texts.subject(name),
    text: texts.text(name, `${portalUrl}/sign-in`, `${portalUrl}/forgot-password`),
  });
}

export interface OrderConfirmation {
  reference: string;
  licences: ConfirmedLicence[];
  /** The service subscriptions the order started (issue #15), each paid until the end of its first period. */
  services?: Array<{ product: string; plan: string; paidUntil: string }>;
  total: { amountMinor: number; currency: string };
  portalUrl: string;
}

/** Sent when staff create an order for a customer: what it issued, and how to sign in with the order number. */
export function orderConfirmationMail(to: string, order: OrderConfirmation, locale: Locale): Mail {
  const texts = mailMessages(locale).orderConfirmation;
  return withFooter(locale, {
    to,
    subject: texts.subject(order.reference),
    text: texts.text({
      reference: order.reference,
      licences: order.licences.map(texts.licence).join('\n\n'),
      ...(order.services?.length ? { services: order.services.map(texts.service).join('\n') } : {}),
      total: formatMoney(order.total, locale),
      signInUrl: `${order.portalUrl}/sign-in`,
    }),
  });
}

// -- notifications --

/** The addresses a marketing mail's one-click unsubscribe uses (shared/notifications/unsubscribe-link.ts). */
export interface UnsubscribeLinks {
  /** The page with a button, linked in the text. */
  page: string;
  /** The URL mail clients POST `List-Unsubscribe=One-Click` to (RFC 8058). */
  oneClick: string;
}

/**
 * A marketing mail (the mailing list's news): the text with an unsubscribe line, and the `List-Unsubscribe` and
 * `List-Unsubscribe-Post` headers every marketing mail carries, so mail clients offer a one-click unsubscribe.
 */
export function newsMail(to: string, news: { subject: string; text: string }, unsubscribe: UnsubscribeLinks, locale: Locale): Mail {
  const texts = mailMessages(locale).news;
  return {
    to,
    subject: news.subject,
    text: `${news.text}\n\n${texts.unsubscribe(unsubscribe.page)}`,
    headers: { 'List-Unsubscribe': `<${unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The code that confirms a new login address, sent to the NEW address. */
export function emailChangeCodeMail(to: string, code: string, locale: Locale): Mail {
  const texts = mailMessages(locale).emailChangeCode;
  return { to, subject: texts.subject(brand().productName, code), text: texts.text(code) };
}

/** The notice to the OLD address once the change took effect. */
export function emailChangedMail(to: string, newEmail: string, locale: Locale): Mail {
  const texts = mailMessages(locale).emailChanged;
  return { to, subject: texts.subject(brand().productName), text: texts.text(newEmail, brand().supportEmail) };
}

// -- security --

/** The security notices of the security centre: who, from which address and when, with the page to check. */
export type SecurityNotice = 'ipRefused' | 'passwordChanged' | 'securityCodeSet';

export function securityNoticeMail(
  to: string,
  notice: SecurityNotice,
  input: { email: string; sourceIp: string; at: Date; portalUrl: string },
  locale: Locale,
): Mail {
  const texts = mailMessages(locale)[notice];
  const at = input.at.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to,
    subject: texts.subject(brand().productName),
    text: texts.text({ email: input.email, sourceIp: input.sourceIp, at, securityUrl: `${input.portalUrl}/account/security` }),
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
