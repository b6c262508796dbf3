// Every e-mail Atrium sends, in German (keys as in en.ts).
// UNTRANSLATED: a copy of the English catalogue, being translated (issue #12); not to land like this.
// `brand` is the deploying vendor's product name
// (shared/brand.ts); links and codes come in as arguments. Plurals through plural(), money and dates through
// shared/i18n/format.ts: no text here asks which language it is.

import type { MailMessages } from '#shared/mail/messages/en.ts';
import { formatDay } from '#shared/i18n/format.ts';

const locale = 'de';

export const mailDe: MailMessages = {
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
    licence: (licence, index) =>
      [
        `${index + 1}. ${licence.product}, ${licence.edition} edition, ${licence.users} users`,
        `   Serial number: ${licence.serial}`,
        ...(licence.days ? [`   Time-limited: ${licence.days} days`] : []),
        licence.supportEndsAt ? `   Support & updates until ${formatDay(licence.supportEndsAt, locale)}` : '   No support & updates',
      ].join('\n'),
    text: (input: { reference: string; licences: string; total: string; signInUrl: string }) =>
      `Thank you for your order ${input.reference}. These licences are now on your account:\n\n${input.licences}\n\n` +
      `Total: ${input.total}\n\n` +
      `Your licences, their licence files and your activation key are in the customer portal: ${input.signInUrl}\n` +
      `Choose "Order number", then enter this e-mail address and the order number ${input.reference}. ` +
      `We will e-mail you a one-time code to finish signing in.`,
  },
  /** Closes every mail Atrium writes itself (not Cognito's): who sent it and where to get help. */
  footer: (brand: string, supportEmail: string, legal: string) => `\n\n-- \n${brand} · Help: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- profile --
  companyVerification: {
    subject: (approved) => (approved ? 'Ihre Firmendaten sind bestätigt' : 'Wir konnten Ihre Firmendaten nicht bestätigen'),
    text: (input) =>
      input.approved
        ? `Wir haben die Firmendaten von ${input.accountName} bestätigt. Bestellen und das Bezahlen von Rechnungen in ${input.brand} sind wieder möglich.\n\nUnser Hinweis: ${input.reason}`
        : `Wir konnten die für ${input.accountName} eingereichten Firmendaten aus folgendem Grund nicht bestätigen:\n\n${input.reason}\n\nIhr Konto behält die bisherigen Daten. Korrigieren Sie die Daten unter Konto → Profil und reichen Sie sie erneut ein.`,
  },
};
