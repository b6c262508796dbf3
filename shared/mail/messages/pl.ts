// Every e-mail Atrium sends, in Polish (keys as in en.ts).

import type { MailMessages } from '#shared/mail/messages/en.ts';
import { formatDay, plural } from '#shared/i18n/format.ts';

const locale = 'pl';

export const mailPl: MailMessages = {
  signInCode: {
    subject: (brand, code) => `Twój kod logowania do ${brand}: ${code}`,
    text: (code) =>
      `Twój jednorazowy kod logowania to ${code}.\n\nKod jest ważny 10 minut i można go użyć tylko raz. Jeśli to nie Ty próbujesz się zalogować, zignoruj tę wiadomość i zmień hasło.`,
  },
  confirmEmail: {
    subject: (brand) => `Potwierdź swój adres e-mail w ${brand}`,
    text: (link) =>
      `Dziękujemy za rejestrację. Aby potwierdzić adres e-mail i aktywować konto, otwórz ten link:\n\n${link}\n\nLink jest ważny 24 godziny. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.`,
  },
  passwordReset: {
    subject: (brand) => `Ustaw nowe hasło do ${brand}`,
    text: (link) =>
      `Otrzymaliśmy prośbę o ustawienie nowego hasła. Aby je ustawić, otwórz ten link:\n\n${link}\n\nLink jest ważny 1 godzinę i działa raz. Jeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło się nie zmieni.`,
  },
  staffInvitation: {
    subject: (brand) => `Zaproszenie do panelu obsługi ${brand}`,
    text: (brand, to, link, signInUrl) =>
      `Masz konto pracownika w ${brand} (${to}). Aby ustawić pierwsze hasło, otwórz ten link:\n\n${link}\n\nLink jest ważny 1 godzinę i działa raz. Gdy wygaśnie, wybierz „Nie pamiętasz hasła?” na ${signInUrl} i podaj ten adres. Przy każdym logowaniu wyślemy Ci też jednorazowy kod.`,
  },
  alreadyRegistered: {
    subject: (brand) => `Masz już konto w ${brand}`,
    text: (brand, signInUrl, forgotUrl) =>
      `Ktoś (może Ty) próbował założyć konto w ${brand} na ten adres, ale konto już istnieje.\n\nZaloguj się: ${signInUrl}\nNie pamiętasz hasła? Ustaw nowe: ${forgotUrl}\n\nJeśli to nie Ty, zignoruj tę wiadomość.`,
  },
  orderConfirmation: {
    subject: (reference) => `Zamówienie ${reference}: Twoje licencje`,
    licence: (licence, index) =>
      [
        `${index + 1}. ${licence.product}, edycja ${licence.edition}, ${licence.users} ${plural(locale, licence.users, { one: 'użytkownik', few: 'użytkowników', many: 'użytkowników', other: 'użytkownika' })}`,
        `   Numer seryjny: ${licence.serial}`,
        ...(licence.days ? [`   Licencja czasowa: ${licence.days} ${plural(locale, licence.days, { one: 'dzień', other: 'dni' })}`] : []),
        licence.supportEndsAt
          ? `   Wsparcie i aktualizacje do ${formatDay(licence.supportEndsAt, locale)}`
          : '   Bez wsparcia i aktualizacji',
      ].join('\n'),
    text: (input) =>
      `Dziękujemy za zamówienie ${input.reference}. Te licencje są już na Twoim koncie:\n\n${input.licences}\n\n` +
      `Razem: ${input.total}\n\n` +
      `Licencje, pliki licencji i klucz aktywacyjny znajdziesz w portalu klienta: ${input.signInUrl}\n` +
      `Wybierz „Numer zamówienia”, wpisz ten adres e-mail i numer zamówienia ${input.reference}. ` +
      `Wyślemy Ci jednorazowy kod, którym dokończysz logowanie.`,
  },
  footer: (brand, supportEmail, legal) => `\n\n-- \n${brand} · Pomoc: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- profile --
  companyVerification: {
    subject: (approved) => (approved ? 'Dane Twojej firmy są zweryfikowane' : 'Nie mogliśmy zweryfikować danych Twojej firmy'),
    text: (input) =>
      input.approved
        ? `Zweryfikowaliśmy dane firmy ${input.accountName}. Zakupy i opłacanie faktur w ${input.brand} są znów dostępne.\n\nNasza uwaga: ${input.reason}`
        : `Nie mogliśmy zweryfikować danych firmy przesłanych dla ${input.accountName}. Powód:\n\n${input.reason}\n\nKonto zachowuje dotychczasowe dane. Popraw dane w sekcji Konto → Profil i prześlij je ponownie.`,
  },
};
