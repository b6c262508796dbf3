// Every e-mail Atrium sends, in German (keys as in en.ts; formal address, Sie).

import type { MailMessages } from '#shared/mail/messages/en.ts';
import { formatDay, plural } from '#shared/i18n/format.ts';

const locale = 'de';

export const mailDe: MailMessages = {
  signInCode: {
    subject: (brand, code) => `Ihr Anmeldecode für ${brand}: ${code}`,
    text: (code) =>
      `Ihr einmaliger Anmeldecode lautet ${code}.\n\nEr ist 10 Minuten gültig und funktioniert nur einmal. Wenn Sie nicht versucht haben, sich anzumelden, ignorieren Sie diese Nachricht und ändern Sie Ihr Passwort.`,
  },
  confirmEmail: {
    subject: (brand) => `Bestätigen Sie Ihre E-Mail-Adresse für ${brand}`,
    text: (link) =>
      `Vielen Dank für Ihre Registrierung. Um Ihre E-Mail-Adresse zu bestätigen und Ihr Konto zu aktivieren, öffnen Sie diesen Link:\n\n${link}\n\nDer Link ist 24 Stunden gültig. Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.`,
  },
  passwordReset: {
    subject: (brand) => `Neues Passwort für ${brand} festlegen`,
    text: (link) =>
      `Wir haben eine Anfrage erhalten, ein neues Passwort festzulegen. Öffnen Sie dazu diesen Link:\n\n${link}\n\nDer Link ist 1 Stunde gültig und funktioniert nur einmal. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.`,
  },
  staffInvitation: {
    subject: (brand) => `Ihre Einladung ins Backoffice von ${brand}`,
    text: (brand, to, link, signInUrl) =>
      `Sie haben ein Mitarbeiterkonto bei ${brand} (${to}). Um Ihr erstes Passwort festzulegen, öffnen Sie diesen Link:\n\n${link}\n\nDer Link ist 1 Stunde gültig und funktioniert nur einmal. Wenn er abgelaufen ist, wählen Sie auf ${signInUrl} „Passwort vergessen?“ und geben Sie diese Adresse ein. Bei jeder Anmeldung fragen wir außerdem nach einem einmaligen Code, den wir Ihnen per E-Mail senden.`,
  },
  alreadyRegistered: {
    subject: (brand) => `Sie haben bereits ein Konto bei ${brand}`,
    text: (brand, signInUrl, forgotUrl) =>
      `Jemand (vielleicht Sie) hat versucht, sich mit dieser Adresse bei ${brand} zu registrieren, aber es gibt dafür bereits ein Konto.\n\nAnmelden: ${signInUrl}\nPasswort vergessen? Legen Sie ein neues fest: ${forgotUrl}\n\nWenn Sie das nicht waren, ignorieren Sie diese Nachricht.`,
  },
  orderConfirmation: {
    subject: (reference) => `Ihre Bestellung ${reference}: Ihre Lizenzen`,
    licence: (licence, index) =>
      [
        `${index + 1}. ${licence.product}, Edition ${licence.edition}, ${licence.users} Benutzer`,
        `   Seriennummer: ${licence.serial}`,
        ...(licence.days ? [`   Befristet: ${licence.days} ${plural(locale, licence.days, { one: 'Tag', other: 'Tage' })}`] : []),
        licence.supportEndsAt ? `   Support & Updates bis ${formatDay(licence.supportEndsAt, locale)}` : '   Ohne Support & Updates',
      ].join('\n'),
    service: (service, index) =>
      `${index + 1}. ${service.product}, Tarif ${service.plan}: Dienst gestartet, bezahlt bis ${formatDay(service.paidUntil, locale)}`,
    text: (input) =>
      `Vielen Dank für Ihre Bestellung ${input.reference}.${input.licences ? ` Diese Lizenzen sind jetzt in Ihrem Konto:\n\n${input.licences}` : ''}` +
      `${input.services ? `\n\nDiese Dienste sind gestartet und in Ihrem Konto:\n\n${input.services}` : ''}\n\n` +
      `Summe: ${input.total}\n\n` +
      `Ihre Lizenzen, deren Lizenzdateien und Ihren Aktivierungsschlüssel finden Sie im Kundenportal: ${input.signInUrl}\n` +
      `Wählen Sie „Mit Bestellnummer“ und geben Sie diese E-Mail-Adresse und die Bestellnummer ${input.reference} ein. ` +
      `Wir senden Ihnen dann einen einmaligen Code per E-Mail, mit dem Sie die Anmeldung abschließen.`,
  },
  footer: (brand, supportEmail, legal) => `\n\n-- \n${brand} · Hilfe: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- people --
  people: {
    roles: { owner: 'Inhaber', billing: 'Abrechnung', technical: 'Technik', 'read-only': 'Nur lesen' },
    invitation: {
      subject: (brand, account) => `Einladung zu ${account} in ${brand}`,
      text: (input) =>
        `${input.inviter} lädt Sie ein, in ${input.brand} für ${input.account} zu handeln, mit der Rolle ${input.role}.\n\n` +
        `Zum Annehmen öffnen Sie diesen Link:\n\n${input.link}\n\n` +
        `Er funktioniert einmal und bis ${input.expires}. Haben Sie noch kein Konto, wählen Sie dort ein Passwort. ` +
        `Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.`,
    },
    roleChanged: {
      subject: (brand, account) => `Sicherheitshinweis: Rolle in ${account} geändert (${brand})`,
      text: (input) =>
        `Die Rolle von ${input.person} in ${input.account} ist jetzt ${input.role}. Geändert von ${input.by}.\n\n` +
        `Wenn Sie diese Änderung nicht erwartet haben, wenden Sie sich an den Inhaber des Kontos.`,
    },
    removed: {
      subject: (brand, account) => `Sicherheitshinweis: Person aus ${account} entfernt (${brand})`,
      text: (input) =>
        `${input.person} handelt nicht mehr für ${input.account}. Entfernt von ${input.by}.\n\n` +
        `Wenn Sie diese Änderung nicht erwartet haben, wenden Sie sich an den Inhaber des Kontos.`,
    },
    left: {
      subject: (brand, account) => `Sicherheitshinweis: Person hat ${account} verlassen (${brand})`,
      text: (input) =>
        `${input.person} hat ${input.account} verlassen und handelt nicht mehr dafür.\n\nWenn Sie das nicht erwartet haben, wenden Sie sich an den Inhaber des Kontos.`,
    },
    joined: {
      subject: (brand, account) => `Sicherheitshinweis: neue Person in ${account} (${brand})`,
      text: (input) =>
        `${input.person} hat eine Einladung angenommen und handelt jetzt für ${input.account}, mit der Rolle ${input.role}.\n\n` +
        `Wenn Sie das nicht erwartet haben, wenden Sie sich an den Inhaber des Kontos.`,
    },
  },
  // -- notifications: the mailing list's unsubscribe line, the change of e-mail --
  news: {
    unsubscribe: (link: string) =>
      `Sie erhalten diese Nachricht, weil Sie unseren Newsletter abonniert haben. Mit einem Klick abmelden: ${link}`,
  },
  emailChangeCode: {
    subject: (brand: string, code: string) => `Ihr ${brand}-Code zur Bestätigung Ihrer neuen E-Mail-Adresse: ${code}`,
    text: (code: string) =>
      `Damit dies Ihre neue Anmeldeadresse wird, geben Sie diesen Code auf der Seite ein, auf der Sie die Änderung angefordert haben: ${code}\n\nEr ist 1 Stunde gültig. Wenn Sie die Änderung nicht angefordert haben, ignorieren Sie diese Nachricht: Es ändert sich nichts.`,
  },
  emailChanged: {
    subject: (brand: string) => `Ihre E-Mail-Adresse bei ${brand} wurde geändert`,
    text: (newEmail: string, supportEmail: string) =>
      `Die Anmeldeadresse Ihres Kontos wurde in ${newEmail} geändert. Melden Sie sich ab jetzt mit der neuen Adresse an; an diese Adresse senden wir keine Nachrichten mehr.\n\nWenn Sie das nicht waren, schreiben Sie sofort an ${supportEmail}.`,
  },
  // -- security --
  ipRefused: {
    subject: (brand) => `${brand}: Anmeldung von einer nicht freigegebenen Adresse abgelehnt`,
    text: (input) =>
      `Wir haben den Zugriff auf ${input.email} von der IP-Adresse ${input.sourceIp} (${input.at} UTC) abgelehnt: Sie steht nicht auf der IP-Freigabeliste dieser Person.\n\n` +
      `Falls Sie es waren, melden Sie sich von einer freigegebenen Adresse an und fügen Sie diese unter ${input.securityUrl} hinzu, oder bitten Sie unseren Support, die Liste zu leeren. ` +
      `Falls nicht, ändern Sie sofort Ihr Passwort.\n\nDiesen Hinweis senden wir für dieselbe Adresse höchstens einmal pro Stunde.`,
  },
  passwordChanged: {
    subject: (brand) => `${brand}: Ihr Passwort wurde geändert`,
    text: (input) =>
      `Das Passwort von ${input.email} wurde von der IP-Adresse ${input.sourceIp} (${input.at} UTC) geändert. Alle Sitzungen wurden abgemeldet, auch die, in der es geändert wurde.\n\n` +
      `Falls Sie es nicht waren, setzen Sie sofort über „Passwort vergessen?“ ein neues Passwort und prüfen Sie ${input.securityUrl}.`,
  },
  securityCodeSet: {
    subject: (brand) => `${brand}: Ihr Sicherheitscode für den Telefonsupport wurde festgelegt`,
    text: (input) =>
      `Für ${input.email} wurde von der IP-Adresse ${input.sourceIp} (${input.at} UTC) ein neuer Sicherheitscode für den Telefonsupport festgelegt. Der Code selbst wird nie angezeigt oder verschickt.\n\n` +
      `Falls Sie es nicht waren, ändern Sie Ihr Passwort und legen Sie unter ${input.securityUrl} einen neuen Code fest.`,
  },
  // -- profile --
  companyVerification: {
    subject: (approved) => (approved ? 'Ihre Firmendaten sind bestätigt' : 'Wir konnten Ihre Firmendaten nicht bestätigen'),
    text: (input) =>
      input.approved
        ? `Wir haben die Firmendaten von ${input.accountName} bestätigt. Bestellen und das Bezahlen von Rechnungen in ${input.brand} sind wieder möglich.\n\nUnser Hinweis: ${input.reason}`
        : `Wir konnten die für ${input.accountName} eingereichten Firmendaten aus folgendem Grund nicht bestätigen:\n\n${input.reason}\n\nIhr Konto behält die bisherigen Daten. Korrigieren Sie die Daten unter Konto → Profil und reichen Sie sie erneut ein.`,
  },
  // -- assets --
  // -- tickets --
  ticketReceived: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] Wir haben Ihr Ticket erhalten: ${subject}`,
    text: (input: { ticketNumber: number; subject: string; requester: string; link: string; brand: string }) =>
      `Wir haben das Ticket #${input.ticketNumber} „${input.subject}“ erhalten, eröffnet von ${input.requester} in ${input.brand}.\n\n` +
      `Unser Support-Team antwortet dort; Sie können es unter ${input.link} verfolgen und ergänzen.`,
  },
  // -- ticket-thread --
  // -- staff-tickets --
  staffTicketReply: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Unser Support-Team hat auf Ihr Ticket #${input.ticketNumber} geantwortet:\n\n${input.body}\n\n` +
      `Den ganzen Verlauf sehen und antworten können Sie unter ${input.link}${input.byMail ? ' oder einfach mit einer Antwort auf diese E-Mail.' : '.'}`,
  },
  staffTicketStatus: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Der Status Ihres Tickets #${input.ticketNumber} ist jetzt: ${input.status}.` +
      `${input.comment ? `\n\n${input.comment}` : ''}\n\nZum Ticket: ${input.link}.`,
    statuses: {
      new: 'neu',
      open: 'offen',
      'waiting-for-customer': 'wartet auf Ihre Antwort',
      'waiting-for-vendor': 'wartet auf den Hersteller',
      resolved: 'gelöst',
      closed: 'geschlossen',
    },
  },
  // -- attachments --
  // -- ticket-mail --
  ticketReplyToClosed: {
    subject: (ticketNumber, subject) => `Ticket #${ticketNumber} ist geschlossen: Ihre Antwort wurde nicht hinzugefügt (${subject})`,
    text: (input) =>
      `Ihre Antwort per E-Mail auf Ticket #${input.ticketNumber} wurde nicht hinzugefügt, da das Ticket geschlossen ist.\n\nInnerhalb von ${input.days} Tagen nach dem Schließen können Sie es in ${input.brand} wieder öffnen und dort antworten:\n${input.url}\n\nDanach eröffnen Sie bitte ein neues Ticket.`,
  },
  // -- sla --
  slaBreach: {
    subject: (ticketNumber, subject) => `SLA überschritten: Ticket #${ticketNumber} ${subject}`,
    target: { 'first-response': 'Erstreaktion', resolution: 'Lösung' },
    and: ' und ',
    priority: { low: 'niedrig', normal: 'normal', high: 'hoch', urgent: 'dringend' },
    text: (input) =>
      `Ticket #${input.ticketNumber} von ${input.accountName} (Priorität ${input.priority}) hat die Frist für ${input.targets} überschritten, fällig am ${input.dueAt} UTC.\n\nÖffnen Sie es im Backoffice von ${input.productName}: ${input.link}`,
  },
  // -- knowledge --
};
