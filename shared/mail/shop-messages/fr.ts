// The shop and billing mails in fr: the order placed, payments, the low-balance alert, a top-up ordered. A catalogue of
// their own, so that bundles sending other mail (sign-in codes, tickets) do not carry these texts.

import type { ShopMailMessages } from '#shared/mail/shop-messages/en.ts';

export const shopMailFr: ShopMailMessages = {
  // -- shop --
  // -- checkout --
  placedOrder: {
    subject: (reference: string) => `Votre commande ${reference} : coordonnées de paiement`,
    line: (l: { index: number; product: string; edition: string; users: number; quantity: number; net: string }) =>
      `${l.index}. ${l.product}, édition ${l.edition}, ${l.users} utilisateurs × ${l.quantity} : ${l.net} HT`,
    actionLine: (l: { index: number; description: string; quantity: number; net: string }) =>
      `${l.index}. ${l.description} × ${l.quantity} : ${l.net} HT`,
    tax: {
      domestic: (rate: number) => `TVA ${rate} %`,
      consumer: (rate: number) => `TVA ${rate} %`,
      'reverse-charge': () => 'Autoliquidation : la TVA est due par l’acheteur',
      export: () => 'Non soumis à la TVA (hors UE)',
    },
    transfer: (t) =>
      `Veuillez payer par virement bancaire :\n  Titulaire du compte : ${t.holder}\n  Banque : ${t.bankName}\n  IBAN : ${t.iban}\n  SWIFT/BIC : ${t.swift}\n  Montant : ${t.amount}\n  Libellé du virement : ${t.title}\n` +
      `Indiquez exactement ce libellé pour que nous puissions rapprocher votre paiement.`,
    fromBalance: 'Vous avez choisi de payer avec votre solde : la page de la commande affiche le paiement.',
    text: (o) =>
      `Merci pour votre commande ${o.reference} dans ${o.brand}. Elle attend votre paiement.\n\n${o.lines}\n\n` +
      `Total HT : ${o.net}\nTVA : ${o.vat} (${o.tax})\nTotal à payer : ${o.gross}\n\n${o.payment}\n\n` +
      `Merci de payer avant le ${o.dueAt} ; une commande impayée est ensuite annulée. Facture pro forma : ${o.proforma}.\n` +
      `Vos licences sont émises dès réception du paiement. La commande : ${o.link}`,
  },
  // -- payments --
  payments: {
    fulfilledSubject: (reference) => `Paiement reçu : votre commande ${reference} est exécutée`,
    fulfilledText: (input) =>
      `Merci : nous avons reçu votre paiement de ${input.amount} et votre commande ${input.reference} est exécutée.` +
      `${input.invoiceNumber ? `\n\nVotre facture : ${input.invoiceNumber}.` : ''}` +
      `${input.licences ? `\n\nCes licences sont désormais sur votre compte :\n\n${input.licences}` : ''}` +
      `${input.changes ? `\n\nRenouvelé ou modifié par cette commande :\n\n${input.changes}` : ''}` +
      `${input.services ? `\n\nCes services ont démarré :\n\n${input.services}` : ''}\n\n` +
      `${input.attached ? 'Leurs fichiers d’activation sont joints à cet e-mail. ' : ''}Vos licences, leurs fichiers et la facture sont dans le portail client : ${input.url}`,
    receivedSubject: (reference) => `Paiement reçu pour la commande ${reference}`,
    receivedText: (input) =>
      `Nous avons reçu votre paiement de ${input.amount} pour la commande ${input.reference}.` +
      `${input.cancelled ? `\n\nLa commande ne peut plus être exécutée (ce qu’elle renouvelle ou met à niveau a pris fin ou changé depuis son chiffrage) : nous l’avons donc annulée.` : ''}` +
      `${input.remaining ? `\n\nReste à payer : ${input.remaining}. Nous exécuterons la commande dès réception du solde.` : ''}` +
      `${input.credited ? `\n\n${input.credited} a été crédité sur votre solde.` : ''}\n\nLa commande dans le portail client : ${input.url}`,
  },
  // -- invoices --
  // -- balance --
  lowBalance: {
    subject: (balance) => `Votre solde est bas : ${balance}`,
    text: (input) =>
      `Le solde de ${input.accountName} est maintenant de ${input.balance}, sous le seuil de ${input.threshold} que vous avez fixé pour cette alerte.\n\nRechargez-le ou modifiez l’alerte sur la page du solde : ${input.link}\n\nNous écrivons une fois chaque fois que le solde passe sous le seuil.`,
  },
  topUpOrdered: {
    subject: (reference) => `Recharge du solde ${reference} : coordonnées de paiement`,
    text: (input) =>
      `Merci. Votre recharge du solde ${input.reference} de ${input.amount} attend votre virement.\n\nTitulaire du compte : ${input.holder}\nBanque : ${input.bankName}\nIBAN : ${input.iban}\nSWIFT : ${input.swift}\nMontant : ${input.amount}\nLibellé du virement : ${input.reference}\nÀ payer avant le : ${input.dueOn}\n\nFacture pro forma : ${input.proforma}. Une recharge est un acompte : la TVA est facturée lorsque le solde est dépensé.\nVotre solde augmente dès que nous enregistrons le paiement : ${input.link}`,
  },
  // -- services --
  // -- renewals --
  // -- plan-changes --
  planChanges: {
    creditSubject: (service, to) => `${service} : formule changée pour ${to}`,
    creditText: (s) =>
      `La formule de votre service ${s.service} est passée aujourd’hui de ${s.from} à ${s.to}. Il coûte désormais ${s.price}.\n\n` +
      `Pour le reste de la période payée jusqu’au ${s.paidUntil}, nous avons crédité la différence de ${s.credit} sur votre solde.` +
      `${s.correction ? ` La facture rectificative ${s.correction} l’enregistre.` : ''}\n\nLe service : ${s.link}\nVotre solde : ${s.balanceLink}`,
  },
  // -- cancellations --
  cancellations: {
    subject: (service) => `${service} est résilié`,
    text: (s) =>
      (s.ended
        ? `Votre service ${s.service} est résilié et a pris fin le ${s.endsOn}.`
        : `Votre service ${s.service} est résilié. Il reste actif jusqu’au ${s.endsOn} et prend fin ce jour-là ; d’ici là, vous pouvez le reprendre sur sa page.`) +
      `${s.refund ? `\n\nNous avons crédité ${s.refund} sur votre solde pour les jours non utilisés.` : ''}` +
      `${s.correction ? ` La facture rectificative ${s.correction} l’enregistre.` : ''}\n\nLe service : ${s.link}`,
  },
  // -- subscription-job --
  subscriptionJob: {
    period: (count, unit) => (unit === 'month' ? (count === 1 ? 'un mois' : `${count} mois`) : count === 1 ? 'un an' : `${count} ans`),
    priceFor: (amount, period) => `${amount} HT pour ${period}`,
    reminderSubject: (s) => `${s.service} : payé jusqu’au ${s.paidUntil}`,
    reminderText: (s) =>
      `Votre service ${s.service} est payé jusqu’au ${s.paidUntil} (${s.daysLeft === 1 ? 'il reste 1 jour' : `il reste ${s.daysLeft} jours`}). Un renouvellement coûte ${s.price}.\n\n` +
      (s.autoRenew
        ? 'Le renouvellement automatique est activé : nous le renouvelons à partir de votre solde à l’échéance. Veillez à ce que votre solde suffise.'
        : 'Renouvelez-le dans le portail client pour qu’il continue de fonctionner.') +
      `\n\nLe service : ${s.link}`,
    autoRenewFailedSubject: (service) => `Le renouvellement automatique de ${service} a échoué`,
    autoRenewFailed: {
      'insufficient-balance': 'votre solde ne suffit pas',
      refused: 'le renouvellement n’a pas pu être commandé automatiquement',
    },
    autoRenewFailedText: (s) =>
      `Votre service ${s.service} est payé jusqu’au ${s.paidUntil}. Nous avons essayé de le renouveler à partir de votre solde (${s.price}), mais ${s.reason}.\n\n` +
      `Veuillez recharger votre solde (nous réessaierons le ${s.paidUntil}) ou le renouveler maintenant.\n\nVotre solde : ${s.balanceLink}\nRenouveler maintenant : ${s.link}`,
    clientAutoRenewFailedText: (s) =>
      `Votre ${s.service} est payé jusqu’au ${s.paidUntil}. Votre distributeur, ${s.distributor}, le renouvelle automatiquement, mais le renouvellement n’a pas pu être payé sur son solde.\n\n` +
      `Nous avons demandé à ${s.distributor} de recharger son solde ou de le renouveler pour vous. Contactez-le s’il reste impayé.\n\nLe service : ${s.link}`,
    distributorAutoRenewFailedSubject: (s) => `Le renouvellement automatique de ${s.service} de votre client ${s.client} a échoué`,
    distributorAutoRenewFailedText: (s) =>
      `Le ${s.service} de votre client ${s.client} est payé jusqu’au ${s.paidUntil}. Nous avons essayé de le renouveler sur votre solde (${s.price}), mais ${s.reason}.\n\n` +
      `Rechargez votre solde (nous réessaierons après le ${s.paidUntil}) ou renouvelez-le maintenant pour votre client. Votre client sait que nous vous l’avons demandé.\n\n` +
      `Votre solde : ${s.balanceLink}\nRenouveler maintenant : ${s.link}`,
    overdueSubject: (service) => `${service} : la période payée est terminée`,
    overdueText: (s) =>
      `La période payée de votre service ${s.service} s’est terminée le ${s.paidUntil}. Veuillez le renouveler (${s.price}) avant le ${s.suspendOn}, sinon il sera suspendu.` +
      `${s.autoRenewFailed ? `\n\nNous avons essayé de le renouveler à partir de votre solde, mais ${s.autoRenewFailed}.` : ''}\n\nRenouveler maintenant : ${s.link}`,
    suspendedSubject: (service) => `${service} est suspendu`,
    suspendedText: (s) =>
      `Votre service ${s.service} était payé jusqu’au ${s.paidUntil} et n’a pas été renouvelé : il est maintenant suspendu.\n\n` +
      `Renouvelez-le (${s.price}) pour le rétablir : ${s.link}`,
  },
  // -- upgrades --
  // -- distributors --
};
