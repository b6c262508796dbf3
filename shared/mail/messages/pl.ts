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
    service: (service, index) =>
      `${index + 1}. ${service.product}, plan ${service.plan}: usługa uruchomiona, opłacona do ${formatDay(service.paidUntil, locale)}`,
    text: (input) =>
      `Dziękujemy za zamówienie ${input.reference}.${input.licences ? ` Te licencje są już na Twoim koncie:\n\n${input.licences}` : ''}` +
      `${input.services ? `\n\nTe usługi zostały uruchomione i są na Twoim koncie:\n\n${input.services}` : ''}\n\n` +
      `Razem: ${input.total}\n\n` +
      `Licencje, pliki licencji i klucz aktywacyjny znajdziesz w portalu klienta: ${input.signInUrl}\n` +
      `Wybierz „Numer zamówienia”, wpisz ten adres e-mail i numer zamówienia ${input.reference}. ` +
      `Wyślemy Ci jednorazowy kod, którym dokończysz logowanie.`,
  },
  footer: (brand, supportEmail, legal) => `\n\n-- \n${brand} · Pomoc: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- people --
  people: {
    roles: { owner: 'Właściciel', billing: 'Rozliczenia', technical: 'Techniczna', 'read-only': 'Tylko odczyt' },
    invitation: {
      subject: (brand, account) => `Zaproszenie do konta ${account} w ${brand}`,
      text: (input) =>
        `${input.inviter} zaprasza Cię do działania w imieniu ${input.account} w ${input.brand}, z rolą: ${input.role}.\n\n` +
        `Aby przyjąć zaproszenie, otwórz ten link:\n\n${input.link}\n\n` +
        `Działa jednorazowo, do ${input.expires}. Jeśli nie masz jeszcze konta, ustawisz tam hasło. ` +
        `Jeśli nie spodziewasz się tego zaproszenia, zignoruj tę wiadomość.`,
    },
    roleChanged: {
      subject: (brand, account) => `Powiadomienie o bezpieczeństwie: zmiana roli w ${account} (${brand})`,
      text: (input) =>
        `Rola ${input.person} w ${input.account} to teraz: ${input.role}. Zmienił(a): ${input.by}.\n\n` +
        `Jeśli nie spodziewasz się tej zmiany, skontaktuj się z właścicielem konta.`,
    },
    removed: {
      subject: (brand, account) => `Powiadomienie o bezpieczeństwie: usunięto osobę z ${account} (${brand})`,
      text: (input) =>
        `${input.person} nie działa już w imieniu ${input.account}. Usunął(-ęła): ${input.by}.\n\n` +
        `Jeśli nie spodziewasz się tej zmiany, skontaktuj się z właścicielem konta.`,
    },
    left: {
      subject: (brand, account) => `Powiadomienie o bezpieczeństwie: ktoś opuścił ${account} (${brand})`,
      text: (input) =>
        `${input.person} opuścił(a) ${input.account} i nie działa już w jego imieniu.\n\nJeśli to nieoczekiwane, skontaktuj się z właścicielem konta.`,
    },
    joined: {
      subject: (brand, account) => `Powiadomienie o bezpieczeństwie: nowa osoba w ${account} (${brand})`,
      text: (input) =>
        `${input.person} przyjął(-ęła) zaproszenie i działa teraz w imieniu ${input.account}, z rolą: ${input.role}.\n\n` +
        `Jeśli to nieoczekiwane, skontaktuj się z właścicielem konta.`,
    },
  },
  // -- notifications: the mailing list's unsubscribe line, the change of e-mail --
  news: {
    unsubscribe: (link) => `Otrzymujesz tę wiadomość, bo zapisałeś się na nasz newsletter. Wypisz się jednym kliknięciem: ${link}`,
  },
  emailChangeCode: {
    subject: (brand, code) => `Kod potwierdzający nowy adres e-mail w ${brand}: ${code}`,
    text: (code) =>
      `Aby był to Twój nowy adres logowania, wpisz ten kod na stronie, na której poprosiłeś o zmianę: ${code}\n\nKod jest ważny 1 godzinę. Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieni.`,
  },
  emailChanged: {
    subject: (brand) => `Adres e-mail Twojego konta w ${brand} został zmieniony`,
    text: (newEmail, supportEmail) =>
      `Adres logowania Twojego konta zmieniono na ${newEmail}. Od teraz loguj się nowym adresem; na ten adres nie będziemy już nic wysyłać.\n\nJeśli to nie Ty, napisz natychmiast na ${supportEmail}.`,
  },
  // -- security --
  ipRefused: {
    subject: (brand) => `${brand}: odrzucono logowanie z adresu spoza listy dozwolonych`,
    text: (input) =>
      `Odmówiliśmy dostępu do konta ${input.email} z adresu IP ${input.sourceIp} (${input.at} UTC): adresu nie ma na liście dozwolonych adresów IP tej osoby.\n\n` +
      `Jeśli to Ty, zaloguj się z dozwolonego adresu i dodaj ten na stronie ${input.securityUrl} albo poproś nasze wsparcie o wyczyszczenie listy. ` +
      `Jeśli to nie Ty, od razu zmień hasło.\n\nTo powiadomienie wysyłamy najwyżej raz na godzinę dla tego samego adresu.`,
  },
  passwordChanged: {
    subject: (brand) => `${brand}: zmieniono Twoje hasło`,
    text: (input) =>
      `Hasło konta ${input.email} zostało zmienione z adresu IP ${input.sourceIp} (${input.at} UTC). Wszystkie sesje zostały wylogowane, także ta, w której je zmieniono.\n\n` +
      `Jeśli to nie Ty, natychmiast ustaw nowe hasło przez „Nie pamiętasz hasła?” i sprawdź ${input.securityUrl}.`,
  },
  securityCodeSet: {
    subject: (brand) => `${brand}: ustawiono kod bezpieczeństwa do wsparcia telefonicznego`,
    text: (input) =>
      `Dla konta ${input.email} ustawiono nowy kod bezpieczeństwa do wsparcia telefonicznego z adresu IP ${input.sourceIp} (${input.at} UTC). Samego kodu nigdy nie pokazujemy ani nie wysyłamy.\n\n` +
      `Jeśli to nie Ty, zmień hasło i ustaw nowy kod na stronie ${input.securityUrl}.`,
  },
  // -- profile --
  companyVerification: {
    subject: (approved) => (approved ? 'Dane Twojej firmy są zweryfikowane' : 'Nie mogliśmy zweryfikować danych Twojej firmy'),
    text: (input) =>
      input.approved
        ? `Zweryfikowaliśmy dane firmy ${input.accountName}. Zakupy i opłacanie faktur w ${input.brand} są znów dostępne.\n\nNasza uwaga: ${input.reason}`
        : `Nie mogliśmy zweryfikować danych firmy przesłanych dla ${input.accountName}. Powód:\n\n${input.reason}\n\nKonto zachowuje dotychczasowe dane. Popraw dane w sekcji Konto → Profil i prześlij je ponownie.`,
  },
  // -- assets --
  // -- tickets --
  ticketReceived: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] Otrzymaliśmy zgłoszenie: ${subject}`,
    text: (input: { ticketNumber: number; subject: string; requester: string; link: string; brand: string }) =>
      `Otrzymaliśmy zgłoszenie #${input.ticketNumber} „${input.subject}”, założone przez ${input.requester} w ${input.brand}.\n\n` +
      `Nasz zespół wsparcia odpowie na nie w portalu; możesz śledzić je i uzupełniać pod adresem ${input.link}`,
  },
  // -- ticket-thread --
  // -- staff-tickets --
  staffTicketReply: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Nasz zespół wsparcia odpowiedział na Twoje zgłoszenie nr ${input.ticketNumber}:\n\n${input.body}\n\n` +
      `Całą rozmowę zobaczysz i odpowiesz pod adresem ${input.link}${input.byMail ? ' albo po prostu odpowiadając na tę wiadomość.' : '.'}`,
  },
  staffTicketStatus: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Status Twojego zgłoszenia nr ${input.ticketNumber} to teraz: ${input.status}.` +
      `${input.comment ? `\n\n${input.comment}` : ''}\n\nZgłoszenie: ${input.link}.`,
    statuses: {
      new: 'nowe',
      open: 'otwarte',
      'waiting-for-customer': 'czeka na Twoją odpowiedź',
      'waiting-for-vendor': 'czeka na producenta',
      resolved: 'rozwiązane',
      closed: 'zamknięte',
    },
  },
  // -- attachments --
  // -- ticket-mail --
  ticketReplyToClosed: {
    subject: (ticketNumber, subject) => `Zgłoszenie #${ticketNumber} jest zamknięte: Twoja odpowiedź nie została dodana (${subject})`,
    text: (input) =>
      `Twoja odpowiedź e-mailem na zgłoszenie #${input.ticketNumber} nie została dodana, ponieważ zgłoszenie jest zamknięte.\n\nW ciągu ${input.days} dni od zamknięcia możesz je ponownie otworzyć w ${input.brand} i tam dopisać odpowiedź:\n${input.url}\n\nPo tym terminie załóż, proszę, nowe zgłoszenie.`,
  },
  // -- sla --
  slaBreach: {
    subject: (ticketNumber, subject) => `Przekroczone SLA: zgłoszenie #${ticketNumber} ${subject}`,
    target: { 'first-response': 'pierwszej odpowiedzi', resolution: 'rozwiązania' },
    and: ' i ',
    priority: { low: 'niski', normal: 'normalny', high: 'wysoki', urgent: 'pilny' },
    text: (input) =>
      `Zgłoszenie #${input.ticketNumber} firmy ${input.accountName} (priorytet ${input.priority}) przekroczyło termin ${input.targets}, przypadający na ${input.dueAt} UTC.\n\nOtwórz je w panelu obsługi ${input.productName}: ${input.link}`,
  },
  // -- knowledge --
};
