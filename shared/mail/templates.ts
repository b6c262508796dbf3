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
