// Every e-mail Atrium sends, in French (keys as in en.ts), with formal address (« vous »). `brand` is the deploying
// vendor's product name (shared/brand.ts); links and codes come in as arguments. Plurals through plural(), money and
// dates through shared/i18n/format.ts: no text here asks which language it is. French spacing before ? ! ; : and
// inside « » is non-breaking.

import type { MailMessages } from '#shared/mail/messages/en.ts';
import { formatDay, plural } from '#shared/i18n/format.ts';

const locale = 'fr';

export const mailFr: MailMessages = {
  signInCode: {
    subject: (brand, code) => `Votre code de connexion à ${brand} : ${code}`,
    text: (code) =>
      `Votre code de connexion à usage unique est ${code}.\n\nIl est valable 10 minutes et ne fonctionne qu’une fois. Si vous n’avez pas essayé de vous connecter, ignorez ce message et changez votre mot de passe.`,
  },
  confirmEmail: {
    subject: (brand) => `Confirmez votre adresse e-mail pour ${brand}`,
    text: (link) =>
      `Merci de votre inscription. Pour confirmer votre adresse e-mail et activer votre compte, ouvrez ce lien :\n\n${link}\n\nLe lien est valable 24 heures. Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.`,
  },
  passwordReset: {
    subject: (brand) => `Définissez un nouveau mot de passe pour ${brand}`,
    text: (link) =>
      `Nous avons reçu une demande de nouveau mot de passe. Pour le définir, ouvrez ce lien :\n\n${link}\n\nLe lien est valable 1 heure et ne fonctionne qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
  },
  staffInvitation: {
    subject: (brand) => `Votre invitation au back-office de ${brand}`,
    text: (brand, to, link, signInUrl) =>
      `Vous avez un compte d’équipe dans ${brand} (${to}). Pour définir votre premier mot de passe, ouvrez ce lien :\n\n${link}\n\nLe lien est valable 1 heure et ne fonctionne qu’une fois. S’il a expiré, choisissez « Mot de passe oublié ? » sur ${signInUrl} et saisissez cette adresse. Chaque connexion demande aussi un code à usage unique que nous vous envoyons par e-mail.`,
  },
  alreadyRegistered: {
    subject: (brand) => `Vous avez déjà un compte pour ${brand}`,
    text: (brand, signInUrl, forgotUrl) =>
      `Quelqu’un (peut-être vous) a essayé de s’inscrire à ${brand} avec cette adresse, mais elle a déjà un compte.\n\nConnexion : ${signInUrl}\nMot de passe oublié ? Définissez-en un nouveau : ${forgotUrl}\n\nSi ce n’était pas vous, ignorez ce message.`,
  },
  orderConfirmation: {
    subject: (reference) => `Votre commande ${reference} : vos licences`,
    licence: (licence, index) =>
      [
        `${index + 1}. ${licence.product}, édition ${licence.edition}, ${licence.users} ${plural(locale, licence.users, { one: 'utilisateur', other: 'utilisateurs' })}`,
        `   Numéro de série : ${licence.serial}`,
        ...(licence.days ? [`   Durée limitée : ${licence.days} ${plural(locale, licence.days, { one: 'jour', other: 'jours' })}`] : []),
        licence.supportEndsAt
          ? `   Support et mises à jour jusqu’au ${formatDay(licence.supportEndsAt, locale)}`
          : '   Sans support ni mises à jour',
      ].join('\n'),
    service: (service, index) =>
      `${index + 1}. ${service.product}, formule ${service.plan} : service démarré, payé jusqu’au ${formatDay(service.paidUntil, locale)}`,
    text: (input) =>
      `Merci pour votre commande ${input.reference}.${input.licences ? ` Ces licences sont maintenant sur votre compte :\n\n${input.licences}` : ''}` +
      `${input.services ? `\n\nCes services ont démarré et sont sur votre compte :\n\n${input.services}` : ''}\n\n` +
      `Total : ${input.total}\n\n` +
      `Vos licences, leurs fichiers de licence et votre clé d’activation se trouvent sur le portail client : ${input.signInUrl}\n` +
      `Choisissez « Numéro de commande », puis saisissez cette adresse e-mail et le numéro de commande ${input.reference}. ` +
      `Nous vous enverrons par e-mail un code à usage unique pour terminer la connexion.`,
  },
  /** Closes every mail Atrium writes itself (not Cognito's): who sent it and where to get help. */
  footer: (brand, supportEmail, legal) => `\n\n-- \n${brand} · Aide : ${supportEmail}${legal ? `\n${legal}` : ''}`,
  // -- people --
  people: {
    roles: { owner: 'Propriétaire', billing: 'Facturation', technical: 'Technique', 'read-only': 'Lecture seule' },
    invitation: {
      subject: (brand, account) => `Invitation à rejoindre ${account} sur ${brand}`,
      text: (input) =>
        `${input.inviter} vous invite à agir pour ${input.account} sur ${input.brand}, avec le rôle ${input.role}.\n\n` +
        `Pour accepter, ouvrez ce lien :\n\n${input.link}\n\n` +
        `Il fonctionne une seule fois, jusqu’au ${input.expires}. Si vous n’avez pas encore de compte, vous y choisirez un mot de passe. ` +
        `Si vous n’attendiez pas cette invitation, ignorez ce message.`,
    },
    roleChanged: {
      subject: (brand, account) => `Avis de sécurité : rôle modifié dans ${account} (${brand})`,
      text: (input) =>
        `Le rôle de ${input.person} dans ${input.account} est désormais ${input.role}. Modifié par ${input.by}.\n\n` +
        `Si vous n’attendiez pas ce changement, contactez le propriétaire du compte.`,
    },
    removed: {
      subject: (brand, account) => `Avis de sécurité : une personne a été retirée de ${account} (${brand})`,
      text: (input) =>
        `${input.person} n’agit plus pour ${input.account}. Retiré par ${input.by}.\n\n` +
        `Si vous n’attendiez pas ce changement, contactez le propriétaire du compte.`,
    },
    left: {
      subject: (brand, account) => `Avis de sécurité : une personne a quitté ${account} (${brand})`,
      text: (input) =>
        `${input.person} a quitté ${input.account} et n’agit plus pour ce compte.\n\nSi vous ne vous y attendiez pas, contactez le propriétaire du compte.`,
    },
    joined: {
      subject: (brand, account) => `Avis de sécurité : une personne a rejoint ${account} (${brand})`,
      text: (input) =>
        `${input.person} a accepté une invitation et agit désormais pour ${input.account}, avec le rôle ${input.role}.\n\n` +
        `Si vous ne vous y attendiez pas, contactez le propriétaire du compte.`,
    },
  },
  // -- notifications: the mailing list's unsubscribe line, the change of e-mail --
  news: {
    unsubscribe: (link: string) =>
      `Vous recevez ce message car vous êtes inscrit à notre lettre d'information. Se désabonner en un clic : ${link}`,
  },
  emailChangeCode: {
    subject: (brand: string, code: string) => `Votre code ${brand} pour confirmer votre nouvelle adresse e-mail : ${code}`,
    text: (code: string) =>
      `Pour en faire votre nouvelle adresse de connexion, saisissez ce code sur la page où vous avez demandé le changement : ${code}\n\nIl est valable 1 heure. Si vous n'avez rien demandé, ignorez ce message : rien ne change.`,
  },
  emailChanged: {
    subject: (brand: string) => `Votre adresse e-mail ${brand} a été modifiée`,
    text: (newEmail: string, supportEmail: string) =>
      `L'adresse de connexion de votre compte a été remplacée par ${newEmail}. Connectez-vous désormais avec la nouvelle adresse ; celle-ci ne recevra plus de messages de notre part.\n\nSi ce n'était pas vous, écrivez immédiatement à ${supportEmail}.`,
  },
  // -- security --
  ipRefused: {
    subject: (brand) => `${brand} : connexion refusée depuis une adresse non autorisée`,
    text: (input) =>
      `Nous avons refusé l'accès à ${input.email} depuis l'adresse IP ${input.sourceIp} (${input.at} UTC) : elle ne figure pas sur la liste d'adresses IP autorisées de cette personne.\n\n` +
      `Si c'était vous, connectez-vous depuis une adresse autorisée et ajoutez celle-ci sur ${input.securityUrl}, ou demandez à notre support de vider la liste. ` +
      `Sinon, changez votre mot de passe immédiatement.\n\nNous envoyons cet avis au plus une fois par heure pour la même adresse.`,
  },
  passwordChanged: {
    subject: (brand) => `${brand} : votre mot de passe a été modifié`,
    text: (input) =>
      `Le mot de passe de ${input.email} a été modifié depuis l'adresse IP ${input.sourceIp} (${input.at} UTC). Toutes les sessions ont été déconnectées, y compris celle où il a été modifié.\n\n` +
      `Si ce n'était pas vous, définissez tout de suite un nouveau mot de passe via « Mot de passe oublié ? » et vérifiez ${input.securityUrl}.`,
  },
  securityCodeSet: {
    subject: (brand) => `${brand} : votre code de sécurité pour le support téléphonique a été défini`,
    text: (input) =>
      `Un nouveau code de sécurité pour le support téléphonique a été défini pour ${input.email} depuis l'adresse IP ${input.sourceIp} (${input.at} UTC). Le code lui-même n'est jamais affiché ni envoyé.\n\n` +
      `Si ce n'était pas vous, changez votre mot de passe et définissez un nouveau code sur ${input.securityUrl}.`,
  },
  // -- profile --
  companyVerification: {
    subject: (approved) =>
      approved ? 'Les données de votre entreprise sont vérifiées' : 'Nous n’avons pas pu vérifier les données de votre entreprise',
    text: (input) =>
      input.approved
        ? `Nous avons vérifié les données de l’entreprise ${input.accountName}. Les achats et le paiement des factures dans ${input.brand} sont de nouveau possibles.\n\nNotre remarque : ${input.reason}`
        : `Nous n’avons pas pu vérifier les données d’entreprise envoyées pour ${input.accountName}, pour la raison suivante :\n\n${input.reason}\n\nVotre compte conserve ses données précédentes. Corrigez-les sous Compte → Profil et envoyez-les de nouveau.`,
  },
  // -- assets --
  // -- tickets --
  ticketReceived: {
    subject: (ticketNumber: number, subject: string) => `[#${ticketNumber}] Nous avons reçu votre ticket : ${subject}`,
    text: (input: { ticketNumber: number; subject: string; requester: string; link: string; brand: string }) =>
      `Nous avons reçu le ticket n°${input.ticketNumber} « ${input.subject} », ouvert par ${input.requester} dans ${input.brand}.\n\n` +
      `Notre équipe de support y répondra ; vous pouvez le suivre et le compléter sur ${input.link}`,
  },
  // -- ticket-thread --
  // -- staff-tickets --
  staffTicketReply: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Notre équipe d’assistance a répondu à votre ticket n° ${input.ticketNumber} :\n\n${input.body}\n\n` +
      `Consultez toute la conversation et répondez sur ${input.link}${input.byMail ? ', ou répondez simplement à cet e-mail.' : '.'}`,
  },
  staffTicketStatus: {
    subject: (ticketNumber, subject) => `[#${ticketNumber}] ${subject}`,
    text: (input) =>
      `Le statut de votre ticket n° ${input.ticketNumber} est désormais : ${input.status}.` +
      `${input.comment ? `\n\n${input.comment}` : ''}\n\nVoir le ticket : ${input.link}.`,
    statuses: {
      new: 'nouveau',
      open: 'ouvert',
      'waiting-for-customer': 'en attente de votre réponse',
      'waiting-for-vendor': 'en attente de l’éditeur',
      resolved: 'résolu',
      closed: 'fermé',
    },
  },
  // -- attachments --
  // -- ticket-mail --
  ticketReplyToClosed: {
    subject: (ticketNumber, subject) => `Le ticket n° ${ticketNumber} est fermé : votre réponse n'a pas été ajoutée (${subject})`,
    text: (input) =>
      `Votre réponse par e-mail au ticket n° ${input.ticketNumber} n'a pas été ajoutée, car le ticket est fermé.\n\nVous pouvez le rouvrir dans ${input.brand} pendant ${input.days} jours après sa fermeture et y écrire votre réponse :\n${input.url}\n\nPassé ce délai, veuillez ouvrir un nouveau ticket.`,
  },
  // -- sla --
  slaBreach: {
    subject: (ticketNumber, subject) => `SLA dépassé : ticket n° ${ticketNumber} ${subject}`,
    target: { 'first-response': 'première réponse', resolution: 'résolution' },
    and: ' et de ',
    priority: { low: 'basse', normal: 'normale', high: 'haute', urgent: 'urgente' },
    text: (input) =>
      `Le ticket n° ${input.ticketNumber} de ${input.accountName} (priorité ${input.priority}) a dépassé son délai de ${input.targets}, échu le ${input.dueAt} UTC.\n\nOuvrez-le dans l’espace de gestion de ${input.productName} : ${input.link}`,
  },
  // -- knowledge --
};
