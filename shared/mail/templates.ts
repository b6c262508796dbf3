// The text of every e-mail Atrium sends, in each locale.

import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';

export function signInCodeMail(to: string, code: string, locale: Locale): Mail {
  if (locale === 'pl') {
    return {
      to,
      subject: `Twój kod logowania do Atrium: ${code}`,
      text: `Twój jednorazowy kod logowania to ${code}.\n\nKod jest ważny 10 minut i można go użyć tylko raz. Jeśli to nie Ty próbujesz się zalogować, zignoruj tę wiadomość i zmień hasło.`,
    };
  }
  return {
    to,
    subject: `Your Atrium sign-in code: ${code}`,
    text: `Your one-time sign-in code is ${code}.\n\nIt is valid for 10 minutes and works once. If you did not try to sign in, ignore this message and change your password.`,
  };
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
  if (locale === 'pl') {
    return {
      to,
      subject: 'Potwierdź swój adres e-mail w Atrium',
      text: `Dziękujemy za rejestrację. Aby potwierdzić adres e-mail i aktywować konto, otwórz ten link:\n\n${link}\n\nLink jest ważny 24 godziny. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.`,
    };
  }
  return {
    to,
    subject: 'Confirm your e-mail address for Atrium',
    text: `Thank you for signing up. To confirm your e-mail address and activate your account, open this link:\n\n${link}\n\nThe link is valid for 24 hours. If you did not sign up, ignore this message.`,
  };
}

export function passwordResetMail(to: string, link: string, locale: Locale): Mail {
  if (locale === 'pl') {
    return {
      to,
      subject: 'Ustaw nowe hasło do Atrium',
      text: `Otrzymaliśmy prośbę o ustawienie nowego hasła. Aby je ustawić, otwórz ten link:\n\n${link}\n\nLink jest ważny 1 godzinę i działa raz. Jeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło się nie zmieni.`,
    };
  }
  return {
    to,
    subject: 'Set a new password for Atrium',
    text: `We received a request to set a new password. To set it, open this link:\n\n${link}\n\nThe link is valid for 1 hour and works once. If it was not you, ignore this message: your password stays as it is.`,
  };
}

/** Sent when an admin invites a staff user: the link sets their first password (the reset code, valid 1 hour). */
export function staffInvitationMail(to: string, link: string, portalUrl: string, locale: Locale): Mail {
  if (locale === 'pl') {
    return {
      to,
      subject: 'Zaproszenie do panelu obsługi Atrium',
      text: `Masz konto pracownika w Atrium (${to}). Aby ustawić pierwsze hasło, otwórz ten link:\n\n${link}\n\nLink jest ważny 1 godzinę i działa raz. Gdy wygaśnie, wybierz „Nie pamiętasz hasła?” na ${portalUrl}/admin/sign-in i podaj ten adres. Przy każdym logowaniu wyślemy Ci też jednorazowy kod.`,
    };
  }
  return {
    to,
    subject: 'Your invitation to the Atrium back office',
    text: `You have a staff account in Atrium (${to}). To set your first password, open this link:\n\n${link}\n\nThe link is valid for 1 hour and works once. When it has expired, choose "Forgot your password?" on ${portalUrl}/admin/sign-in and enter this address. Every sign-in also asks for a one-time code we e-mail you.`,
  };
}

/** Sent instead of a confirmation when someone signs up with an address that already has an account. */
export function alreadyRegisteredMail(to: string, portalUrl: string, locale: Locale): Mail {
  if (locale === 'pl') {
    return {
      to,
      subject: 'Masz już konto w Atrium',
      text: `Ktoś (może Ty) próbował założyć konto w Atrium na ten adres, ale konto już istnieje.\n\nZaloguj się: ${portalUrl}/sign-in\nNie pamiętasz hasła? Ustaw nowe: ${portalUrl}/forgot-password\n\nJeśli to nie Ty, zignoruj tę wiadomość.`,
    };
  }
  return {
    to,
    subject: 'You already have an Atrium account',
    text: `Someone (perhaps you) tried to sign up for Atrium with this address, but it already has an account.\n\nSign in: ${portalUrl}/sign-in\nForgot your password? Set a new one: ${portalUrl}/forgot-password\n\nIf it was not you, ignore this message.`,
  };
}

/** One licence as the order confirmation lists it. */
export interface ConfirmedLicence {
  product: string;
  edition: string;
  users: number;
  serial: string;
  days?: number;
  supportEndsAt?: string;
}

export interface OrderConfirmation {
  reference: string;
  licences: ConfirmedLicence[];
  total: { amountMinor: number; currency: string };
  portalUrl: string;
}

function moneyText(amount: OrderConfirmation['total'], locale: Locale): string {
  const format = new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency: amount.currency });
  const minorDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount.amountMinor / 10 ** minorDigits);
}

/** Sent when staff create an order for a customer: what it issued, and how to sign in with the order number. */
export function orderConfirmationMail(to: string, order: OrderConfirmation, locale: Locale): Mail {
  const signIn = `${order.portalUrl}/sign-in`;
  if (locale === 'pl') {
    const lines = order.licences.map((licence, index) =>
      [
        `${index + 1}. ${licence.product}, edycja ${licence.edition}, użytkownicy: ${licence.users}`,
        `   Numer seryjny: ${licence.serial}`,
        ...(licence.days ? [`   Licencja czasowa: ${licence.days} dni`] : []),
        licence.supportEndsAt ? `   Wsparcie i aktualizacje do ${licence.supportEndsAt.slice(0, 10)}` : '   Bez wsparcia i aktualizacji',
      ].join('\n'),
    );
    return {
      to,
      subject: `Zamówienie ${order.reference}: Twoje licencje`,
      text:
        `Dziękujemy za zamówienie ${order.reference}. Te licencje są już na Twoim koncie:\n\n${lines.join('\n\n')}\n\n` +
        `Razem: ${moneyText(order.total, locale)}\n\n` +
        `Licencje, pliki licencji i klucz aktywacyjny znajdziesz w portalu klienta: ${signIn}\n` +
        `Wybierz „Numer zamówienia”, wpisz ten adres e-mail i numer zamówienia ${order.reference}. ` +
        `Wyślemy Ci jednorazowy kod, którym dokończysz logowanie.`,
    };
  }
  const lines = order.licences.map((licence, index) =>
    [
      `${index + 1}. ${licence.product}, ${licence.edition} edition, ${licence.users} users`,
      `   Serial number: ${licence.serial}`,
      ...(licence.days ? [`   Time-limited: ${licence.days} days`] : []),
      licence.supportEndsAt ? `   Support & updates until ${licence.supportEndsAt.slice(0, 10)}` : '   No support & updates',
    ].join('\n'),
  );
  return {
    to,
    subject: `Your order ${order.reference}: your licences`,
    text:
      `Thank you for your order ${order.reference}. These licences are now on your account:\n\n${lines.join('\n\n')}\n\n` +
      `Total: ${moneyText(order.total, locale)}\n\n` +
      `Your licences, their licence files and your activation key are in the customer portal: ${signIn}\n` +
      `Choose "Order number", then enter this e-mail address and the order number ${order.reference}. ` +
      `We will e-mail you a one-time code to finish signing in.`,
  };
}
