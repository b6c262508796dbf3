// The shop and billing mails in de: the order placed, payments, the low-balance alert, a top-up ordered. A catalogue of
// their own, so that bundles sending other mail (sign-in codes, tickets) do not carry these texts.

import type { ShopMailMessages } from '#shared/mail/shop-messages/en.ts';

export const shopMailDe: ShopMailMessages = {
  // -- shop --
  // -- checkout --
  placedOrder: {
    subject: (reference: string) => `Ihre Bestellung ${reference}: Zahlungsdaten`,
    line: (l: { index: number; product: string; edition: string; users: number; quantity: number; net: string }) =>
      `${l.index}. ${l.product}, Edition ${l.edition}, ${l.users} Benutzer × ${l.quantity}: ${l.net} netto`,
    actionLine: (l: { index: number; description: string; quantity: number; net: string }) =>
      `${l.index}. ${l.description} × ${l.quantity}: ${l.net} netto`,
    tax: {
      domestic: (rate: number) => `MwSt. ${rate} %`,
      consumer: (rate: number) => `MwSt. ${rate} %`,
      'reverse-charge': () => 'Umkehr der Steuerschuld: der Käufer schuldet die MwSt.',
      export: () => 'Nicht umsatzsteuerbar (außerhalb der EU)',
    },
    transfer: (t) =>
      `Bitte zahlen Sie per Überweisung:\n  Kontoinhaber: ${t.holder}\n  Bank: ${t.bankName}\n  IBAN: ${t.iban}\n  SWIFT/BIC: ${t.swift}\n  Betrag: ${t.amount}\n  Verwendungszweck: ${t.title}\n` +
      `Bitte geben Sie genau diesen Verwendungszweck an, damit wir Ihre Zahlung zuordnen können.`,
    fromBalance: 'Sie zahlen aus Ihrem Guthaben: die Bestellseite zeigt die Zahlung.',
    text: (o) =>
      `Vielen Dank für Ihre Bestellung ${o.reference} in ${o.brand}. Sie wartet auf Ihre Zahlung.\n\n${o.lines}\n\n` +
      `Netto: ${o.net}\nMwSt.: ${o.vat} (${o.tax})\nZu zahlen: ${o.gross}\n\n${o.payment}\n\n` +
      `Bitte zahlen Sie bis ${o.dueAt}; danach wird eine unbezahlte Bestellung storniert. Proforma-Rechnung: ${o.proforma}.\n` +
      `Ihre Lizenzen werden ausgestellt, sobald die Zahlung eingeht. Die Bestellung: ${o.link}`,
  },
  // -- payments --
  payments: {
    fulfilledSubject: (reference) => `Zahlung erhalten: Ihre Bestellung ${reference} ist ausgeführt`,
    fulfilledText: (input) =>
      `Vielen Dank: Wir haben Ihre Zahlung über ${input.amount} erhalten, Ihre Bestellung ${input.reference} ist ausgeführt.` +
      `${input.invoiceNumber ? `\n\nIhre Rechnung: ${input.invoiceNumber}.` : ''}` +
      `${input.licences ? `\n\nDiese Lizenzen sind jetzt in Ihrem Konto:\n\n${input.licences}` : ''}` +
      `${input.changes ? `\n\nMit dieser Bestellung verlängert oder geändert:\n\n${input.changes}` : ''}` +
      `${input.services ? `\n\nDiese Dienste sind gestartet:\n\n${input.services}` : ''}\n\n` +
      `${input.attached ? 'Die Aktivierungsdateien sind dieser E-Mail angehängt. ' : ''}Ihre Lizenzen, ihre Dateien und die Rechnung finden Sie im Kundenportal: ${input.url}`,
    receivedSubject: (reference) => `Zahlung für Bestellung ${reference} erhalten`,
    receivedText: (input) =>
      `Wir haben Ihre Zahlung über ${input.amount} für die Bestellung ${input.reference} erhalten.` +
      `${input.cancelled ? `\n\nDie Bestellung kann nicht mehr ausgeführt werden (was sie verlängert oder erweitert, ist seit der Berechnung beendet oder geändert), daher haben wir sie storniert.` : ''}` +
      `${input.remaining ? `\n\nNoch offen: ${input.remaining}. Wir führen die Bestellung aus, sobald der Rest eingeht.` : ''}` +
      `${input.credited ? `\n\n${input.credited} wurden Ihrem Guthaben gutgeschrieben.` : ''}\n\nDie Bestellung im Kundenportal: ${input.url}`,
  },
  // -- invoices --
  // -- balance --
  lowBalance: {
    subject: (balance) => `Ihr Guthaben ist niedrig: ${balance}`,
    text: (input) =>
      `Das Guthaben von ${input.accountName} beträgt jetzt ${input.balance} und liegt unter der Schwelle von ${input.threshold}, die Sie für diese Warnung festgelegt haben.\n\nLaden Sie es auf oder ändern Sie die Warnung auf der Guthabenseite: ${input.link}\n\nWir schreiben jedes Mal einmal, wenn das Guthaben unter die Schwelle fällt.`,
  },
  topUpOrdered: {
    subject: (reference) => `Guthabenaufladung ${reference}: Zahlungsdaten`,
    text: (input) =>
      `Vielen Dank. Ihre Guthabenaufladung ${input.reference} über ${input.amount} wartet auf Ihre Überweisung.\n\nKontoinhaber: ${input.holder}\nBank: ${input.bankName}\nIBAN: ${input.iban}\nSWIFT: ${input.swift}\nBetrag: ${input.amount}\nVerwendungszweck: ${input.reference}\nZahlbar bis: ${input.dueOn}\n\nProformarechnung: ${input.proforma}. Eine Aufladung ist eine Vorauszahlung: Die Umsatzsteuer wird berechnet, wenn das Guthaben verwendet wird.\nIhr Guthaben steigt, sobald wir die Zahlung verbucht haben: ${input.link}`,
  },
  // -- services --
  // -- renewals --
  // -- plan-changes --
  planChanges: {
    creditSubject: (service, to) => `${service}: Tarif gewechselt zu ${to}`,
    creditText: (s) =>
      `Der Tarif Ihres Dienstes ${s.service} wurde heute von ${s.from} auf ${s.to} umgestellt. Ab jetzt kostet er ${s.price}.\n\n` +
      `Für den Rest des bis ${s.paidUntil} bezahlten Zeitraums haben wir Ihrem Guthaben die Differenz von ${s.credit} gutgeschrieben.` +
      `${s.correction ? ` Die Korrekturrechnung ${s.correction} weist sie aus.` : ''}\n\nDer Dienst: ${s.link}\nIhr Guthaben: ${s.balanceLink}`,
  },
  // -- cancellations --
  cancellations: {
    subject: (service) => `${service} ist gekündigt`,
    text: (s) =>
      (s.ended
        ? `Ihr Dienst ${s.service} ist gekündigt und endete am ${s.endsOn}.`
        : `Ihr Dienst ${s.service} ist gekündigt. Er bleibt bis ${s.endsOn} aktiv und endet dann; bis zu diesem Tag können Sie ihn auf seiner Seite fortsetzen.`) +
      `${s.refund ? `\n\nFür die ungenutzten Tage haben wir Ihrem Guthaben ${s.refund} gutgeschrieben.` : ''}` +
      `${s.correction ? ` Die Korrekturrechnung ${s.correction} weist sie aus.` : ''}\n\nDer Dienst: ${s.link}`,
  },
  // -- subscription-job --
  subscriptionJob: {
    period: (count, unit) =>
      unit === 'month' ? (count === 1 ? 'einen Monat' : `${count} Monate`) : count === 1 ? 'ein Jahr' : `${count} Jahre`,
    priceFor: (amount, period) => `${amount} netto für ${period}`,
    reminderSubject: (s) => `${s.service}: bezahlt bis ${s.paidUntil}`,
    reminderText: (s) =>
      `Ihr Dienst ${s.service} ist bis ${s.paidUntil} bezahlt (${s.daysLeft === 1 ? 'noch 1 Tag' : `noch ${s.daysLeft} Tage`}). Eine Verlängerung kostet ${s.price}.\n\n` +
      (s.autoRenew
        ? 'Die automatische Verlängerung ist aktiv: Wir verlängern ihn bei Fälligkeit aus Ihrem Guthaben. Bitte sorgen Sie für ausreichendes Guthaben.'
        : 'Verlängern Sie ihn im Kundenportal, damit er ohne Unterbrechung weiterläuft.') +
      `\n\nDer Dienst: ${s.link}`,
    autoRenewFailedSubject: (service) => `${service} konnte nicht automatisch verlängert werden`,
    autoRenewFailed: {
      'insufficient-balance': 'Ihr Guthaben reicht dafür nicht aus',
      refused: 'die Verlängerung konnte nicht automatisch bestellt werden',
    },
    autoRenewFailedText: (s) =>
      `Ihr Dienst ${s.service} ist bis ${s.paidUntil} bezahlt. Wir haben versucht, ihn aus Ihrem Guthaben zu verlängern (${s.price}), aber ${s.reason}.\n\n` +
      `Bitte laden Sie Ihr Guthaben auf (wir versuchen es am ${s.paidUntil} noch einmal) oder verlängern Sie ihn jetzt.\n\nIhr Guthaben: ${s.balanceLink}\nJetzt verlängern: ${s.link}`,
    clientAutoRenewFailedText: (s) =>
      `Ihr ${s.service} ist bis ${s.paidUntil} bezahlt. Ihr Distributor, ${s.distributor}, verlängert ihn automatisch, aber die Verlängerung konnte nicht aus seinem Guthaben bezahlt werden.\n\n` +
      `Wir haben ${s.distributor} gebeten, das Guthaben aufzuladen oder den Dienst für Sie zu verlängern. Wenden Sie sich an Ihren Distributor, falls er unbezahlt bleibt.\n\nDer Dienst: ${s.link}`,
    distributorAutoRenewFailedSubject: (s) => `${s.service} Ihres Kunden ${s.client} konnte nicht automatisch verlängert werden`,
    distributorAutoRenewFailedText: (s) =>
      `${s.service} Ihres Kunden ${s.client} ist bis ${s.paidUntil} bezahlt. Wir haben versucht, ihn aus Ihrem Guthaben (${s.price}) zu verlängern, aber ${s.reason}.\n\n` +
      `Bitte laden Sie Ihr Guthaben auf (wir versuchen es nach dem ${s.paidUntil} noch einmal) oder verlängern Sie ihn jetzt für Ihren Kunden. Ihr Kunde weiß, dass wir Sie gebeten haben.\n\n` +
      `Ihr Guthaben: ${s.balanceLink}\nJetzt verlängern: ${s.link}`,
    overdueSubject: (service) => `${service}: Der bezahlte Zeitraum ist abgelaufen`,
    overdueText: (s) =>
      `Der bezahlte Zeitraum Ihres Dienstes ${s.service} endete am ${s.paidUntil}. Bitte verlängern Sie ihn (${s.price}) bis ${s.suspendOn}, sonst wird er gesperrt.` +
      `${s.autoRenewFailed ? `\n\nWir haben versucht, ihn aus Ihrem Guthaben zu verlängern, aber ${s.autoRenewFailed}.` : ''}\n\nJetzt verlängern: ${s.link}`,
    suspendedSubject: (service) => `${service} ist gesperrt`,
    suspendedText: (s) =>
      `Ihr Dienst ${s.service} war bis ${s.paidUntil} bezahlt und wurde nicht verlängert. Er ist daher jetzt gesperrt.\n\n` +
      `Verlängern Sie ihn (${s.price}), um ihn wiederherzustellen: ${s.link}`,
  },
  // -- upgrades --
  // -- distributors --
};
