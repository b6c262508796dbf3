// Every e-mail Atrium sends, in Italian (keys as in en.ts).
// `brand` is the deploying vendor's product name
// (shared/brand.ts); links and codes come in as arguments. Plurals through plural(), money and dates through
// shared/i18n/format.ts: no text here asks which language it is.
// Formal register ("Lei", lower-case courtesy pronouns); dates follow "in data" or a colon, so no article has to agree
// with the day ("il 1°", "l'8").

import type { MailMessages } from '#shared/mail/messages/en.ts';
import { formatDay, plural } from '#shared/i18n/format.ts';

const locale = 'it';

export const mailIt: MailMessages = {
  signInCode: {
    subject: (brand: string, code: string) => `Codice di accesso per ${brand}: ${code}`,
    text: (code: string) =>
      `Il suo codice di accesso monouso è ${code}.\n\nÈ valido per 10 minuti e si può usare una sola volta. Se non ha tentato di accedere, ignori questo messaggio e cambi la password.`,
  },
  confirmEmail: {
    subject: (brand: string) => `Confermi il suo indirizzo e-mail per ${brand}`,
    text: (link: string) =>
      `Grazie per la registrazione. Per confermare l'indirizzo e-mail e attivare l'account, apra questo link:\n\n${link}\n\nIl link è valido per 24 ore. Se non ha richiesto la registrazione, ignori questo messaggio.`,
  },
  passwordReset: {
    subject: (brand: string) => `Imposti una nuova password per ${brand}`,
    text: (link: string) =>
      `Abbiamo ricevuto una richiesta di impostare una nuova password. Per impostarla, apra questo link:\n\n${link}\n\nIl link è valido per 1 ora e funziona una sola volta. Se la richiesta non è partita da lei, ignori questo messaggio: la password resta invariata.`,
  },
  staffInvitation: {
    subject: (brand: string) => `Invito al back office di ${brand}`,
    text: (brand: string, to: string, link: string, signInUrl: string) =>
      `Per lei è stato creato un account del personale in ${brand} (${to}). Per impostare la prima password, apra questo link:\n\n${link}\n\nIl link è valido per 1 ora e funziona una sola volta. Se è scaduto, scelga “Password dimenticata?” su ${signInUrl} e inserisca questo indirizzo. A ogni accesso le verrà chiesto anche un codice monouso, che le invieremo via e-mail.`,
  },
  alreadyRegistered: {
    subject: (brand: string) => `Ha già un account ${brand}`,
    text: (brand: string, signInUrl: string, forgotUrl: string) =>
      `Qualcuno (forse lei) ha tentato di registrarsi su ${brand} con questo indirizzo, ma esiste già un account.\n\nAccesso: ${signInUrl}\nPassword dimenticata? Ne imposti una nuova: ${forgotUrl}\n\nSe il tentativo non è partito da lei, ignori questo messaggio.`,
  },
  orderConfirmation: {
    subject: (reference: string) => `Ordine ${reference}: le sue licenze`,
    licence: (licence, index) =>
      [
        `${index + 1}. ${licence.product}, edizione ${licence.edition}, ${licence.users} ${plural(locale, licence.users, { one: 'utente', other: 'utenti' })}`,
        `   Numero di serie: ${licence.serial}`,
        ...(licence.days
          ? [`   Licenza a tempo: ${licence.days} ${plural(locale, licence.days, { one: 'giorno', other: 'giorni' })}`]
          : []),
        licence.supportEndsAt
          ? `   Scadenza di assistenza e aggiornamenti: ${formatDay(licence.supportEndsAt, locale)}`
          : '   Senza assistenza e aggiornamenti',
      ].join('\n'),
    service: (service, index) =>
      `${index + 1}. ${service.product}, piano ${service.plan}: servizio avviato, pagato fino al ${formatDay(service.paidUntil, locale)}`,
    text: (input: { reference: string; licences: string; services?: string; total: string; signInUrl: string }) =>
      `Grazie per l'ordine ${input.reference}.${input.licences ? ` Queste licenze sono ora nel suo account:\n\n${input.licences}` : ''}` +
      `${input.services ? `\n\nQuesti servizi sono stati avviati e sono nel suo account:\n\n${input.services}` : ''}\n\n` +
      `Totale: ${input.total}\n\n` +
      `Le licenze, i relativi file di licenza e la chiave di attivazione si trovano nel portale clienti: ${input.signInUrl}\n` +
      `Scelga “Con numero d'ordine”, poi inserisca questo indirizzo e-mail e il numero d'ordine ${input.reference}. ` +
      `Le invieremo via e-mail un codice monouso per completare l'accesso.`,
  },
  /** Closes every mail Atrium writes itself (not Cognito's): who sent it and where to get help. */
  footer: (brand: string, supportEmail: string, legal: string) =>
    `\n\n-- \n${brand} · Assistenza: ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- people --
  people: {
    roles: { owner: 'Titolare', billing: 'Fatturazione', technical: 'Tecnico', 'read-only': 'Sola lettura' },
    invitation: {
      subject: (brand, account) => `Invito a ${account} su ${brand}`,
      text: (input) =>
        `${input.inviter} ti invita ad agire per ${input.account} su ${input.brand}, con il ruolo ${input.role}.\n\n` +
        `Per accettare, apri questo link:\n\n${input.link}\n\n` +
        `Funziona una sola volta, fino al ${input.expires}. Se non hai ancora un account, lì sceglierai una password. ` +
        `Se non aspettavi questo invito, ignora questo messaggio.`,
    },
    roleChanged: {
      subject: (brand, account) => `Avviso di sicurezza: ruolo modificato in ${account} (${brand})`,
      text: (input) =>
        `Il ruolo di ${input.person} in ${input.account} ora è ${input.role}. Modificato da ${input.by}.\n\n` +
        `Se non aspettavi questa modifica, contatta il titolare dell’account.`,
    },
    removed: {
      subject: (brand, account) => `Avviso di sicurezza: una persona è stata rimossa da ${account} (${brand})`,
      text: (input) =>
        `${input.person} non agisce più per ${input.account}. Rimosso da ${input.by}.\n\n` +
        `Se non aspettavi questa modifica, contatta il titolare dell’account.`,
    },
    left: {
      subject: (brand, account) => `Avviso di sicurezza: una persona ha lasciato ${account} (${brand})`,
      text: (input) =>
        `${input.person} ha lasciato ${input.account} e non agisce più per questo account.\n\nSe non te lo aspettavi, contatta il titolare dell’account.`,
    },
    joined: {
      subject: (brand, account) => `Avviso di sicurezza: una persona si è unita a ${account} (${brand})`,
      text: (input) =>
        `${input.person} ha accettato un invito e ora agisce per ${input.account}, con il ruolo ${input.role}.\n\n` +
        `Se non te lo aspettavi, contatta il titolare dell’account.`,
    },
  },
  // -- notifications: the mailing list's unsubscribe line, the change of e-mail --
  news: {
    unsubscribe: (link: string) =>
      `Ricevi questo messaggio perché sei iscritto alla nostra newsletter. Annulla l'iscrizione con un clic: ${link}`,
  },
  emailChangeCode: {
    subject: (brand: string, code: string) => `Il tuo codice ${brand} per confermare il nuovo indirizzo e-mail: ${code}`,
    text: (code: string) =>
      `Per rendere questo il tuo nuovo indirizzo di accesso, inserisci questo codice nella pagina in cui hai chiesto la modifica: ${code}\n\nÈ valido 1 ora. Se non l'hai chiesto tu, ignora questo messaggio: non cambia nulla.`,
  },
  emailChanged: {
    subject: (brand: string) => `Il tuo indirizzo e-mail ${brand} è stato modificato`,
    text: (newEmail: string, supportEmail: string) =>
      `L'indirizzo di accesso del tuo account è stato cambiato in ${newEmail}. D'ora in poi accedi con il nuovo indirizzo; a questo indirizzo non invieremo più messaggi.\n\nSe non sei stato tu, scrivi subito a ${supportEmail}.`,
  },
  // -- security --
  ipRefused: {
    subject: (brand) => `${brand}: accesso rifiutato da un indirizzo non consentito`,
    text: (input) =>
      `Abbiamo rifiutato l'accesso a ${input.email} dall'indirizzo IP ${input.sourceIp} (${input.at} UTC): non è nell'elenco degli indirizzi IP consentiti di questa persona.\n\n` +
      `Se eri tu, accedi da un indirizzo consentito e aggiungi questo su ${input.securityUrl}, oppure chiedi al nostro supporto di svuotare l'elenco. ` +
      `Se non eri tu, cambia subito la password.\n\nInviamo questo avviso al massimo una volta all'ora per lo stesso indirizzo.`,
  },
  passwordChanged: {
    subject: (brand) => `${brand}: la tua password è stata cambiata`,
    text: (input) =>
      `La password di ${input.email} è stata cambiata dall'indirizzo IP ${input.sourceIp} (${input.at} UTC). Tutte le sessioni sono state disconnesse, compresa quella in cui è stata cambiata.\n\n` +
      `Se non eri tu, imposta subito una nuova password con «Password dimenticata?» e controlla ${input.securityUrl}.`,
  },
  securityCodeSet: {
    subject: (brand) => `${brand}: il tuo codice di sicurezza per l'assistenza telefonica è stato impostato`,
    text: (input) =>
      `È stato impostato un nuovo codice di sicurezza per l'assistenza telefonica per ${input.email} dall'indirizzo IP ${input.sourceIp} (${input.at} UTC). Il codice non viene mai mostrato né inviato.\n\n` +
      `Se non eri tu, cambia la password e imposta un nuovo codice su ${input.securityUrl}.`,
  },
  // -- profile --
  companyVerification: {
    subject: (approved) =>
      approved ? 'I dati della tua azienda sono verificati' : 'Non è stato possibile verificare i dati della tua azienda',
    text: (input) =>
      input.approved
        ? `Abbiamo verificato i dati aziendali di ${input.accountName}. Gli acquisti e il pagamento delle fatture in ${input.brand} sono di nuovo disponibili.\n\nLa nostra nota: ${input.reason}`
        : `Non è stato possibile verificare i dati aziendali inviati per ${input.accountName}, per questo motivo:\n\n${input.reason}\n\nIl tuo account mantiene i dati precedenti. Correggi i dati in Account → Profilo e inviali di nuovo.`,
  },
  // -- assets --
  // -- tickets --
  ticketReceived: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] Abbiamo ricevuto il tuo ticket: ${subject}`,
    text: (input: { ticketNumber: number; subject: string; requester: string; link: string; brand: string }) =>
      `Abbiamo ricevuto il ticket n. ${input.ticketNumber} «${input.subject}», aperto da ${input.requester} in ${input.brand}.\n\n` +
      `Il nostro supporto risponderà lì; puoi seguirlo e integrarlo su ${input.link}`,
  },
  // -- ticket-thread --
  // -- staff-tickets --
  staffTicketReply: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Il nostro team di assistenza ha risposto al tuo ticket n. ${input.ticketNumber}:\n\n${input.body}\n\n` +
      `Leggi tutta la conversazione e rispondi su ${input.link}${input.byMail ? ', oppure rispondi semplicemente a questa e-mail.' : '.'}`,
  },
  staffTicketStatus: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Lo stato del tuo ticket n. ${input.ticketNumber} ora è: ${input.status}.` +
      `${input.comment ? `\n\n${input.comment}` : ''}\n\nVai al ticket: ${input.link}.`,
    statuses: {
      new: 'nuovo',
      open: 'aperto',
      'waiting-for-customer': 'in attesa della tua risposta',
      'waiting-for-vendor': 'in attesa del produttore',
      resolved: 'risolto',
      closed: 'chiuso',
    },
  },
  // -- attachments --
  // -- ticket-mail --
  ticketReplyToClosed: {
    subject: (ticketNumber, subject) => `Il ticket n. ${ticketNumber} è chiuso: la sua risposta non è stata aggiunta (${subject})`,
    text: (input) =>
      `La sua risposta via e-mail al ticket n. ${input.ticketNumber} non è stata aggiunta perché il ticket è chiuso.\n\nEntro ${input.days} giorni dalla chiusura può riaprirlo in ${input.brand} e scrivere lì la sua risposta:\n${input.url}\n\nTrascorso questo termine, apra un nuovo ticket.`,
  },
  // -- sla --
  slaBreach: {
    subject: (ticketNumber, subject) => `SLA superato: ticket n. ${ticketNumber} ${subject}`,
    target: { 'first-response': 'prima risposta', resolution: 'risoluzione' },
    and: ' e di ',
    priority: { low: 'bassa', normal: 'normale', high: 'alta', urgent: 'urgente' },
    text: (input) =>
      `Il ticket n. ${input.ticketNumber} di ${input.accountName} (priorità ${input.priority}) ha superato il termine di ${input.targets}, scaduto il ${input.dueAt} UTC.\n\nAprilo nel back office di ${input.productName}: ${input.link}`,
  },
  // -- knowledge --
};
