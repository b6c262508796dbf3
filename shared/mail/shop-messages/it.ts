// The shop and billing mails in it: the order placed, payments, the low-balance alert, a top-up ordered. A catalogue of
// their own, so that bundles sending other mail (sign-in codes, tickets) do not carry these texts.

import type { ShopMailMessages } from '#shared/mail/shop-messages/en.ts';

export const shopMailIt: ShopMailMessages = {
  // -- shop --
  // -- checkout --
  placedOrder: {
    subject: (reference: string) => `Il tuo ordine ${reference}: dati per il pagamento`,
    line: (l: { index: number; product: string; edition: string; users: number; quantity: number; net: string }) =>
      `${l.index}. ${l.product}, edizione ${l.edition}, ${l.users} utenti × ${l.quantity}: ${l.net} imponibile`,
    actionLine: (l: { index: number; description: string; quantity: number; net: string }) =>
      `${l.index}. ${l.description} × ${l.quantity}: ${l.net} imponibile`,
    tax: {
      domestic: (rate: number) => `IVA ${rate} %`,
      consumer: (rate: number) => `IVA ${rate} %`,
      'reverse-charge': () => 'Inversione contabile: l’IVA è a carico dell’acquirente',
      export: () => 'Non soggetto a IVA (fuori dall’UE)',
    },
    transfer: (t) =>
      `Ti preghiamo di pagare con bonifico bancario:\n  Intestatario: ${t.holder}\n  Banca: ${t.bankName}\n  IBAN: ${t.iban}\n  SWIFT/BIC: ${t.swift}\n  Importo: ${t.amount}\n  Causale: ${t.title}\n` +
      `Indica esattamente questa causale, così potremo abbinare il tuo pagamento.`,
    fromBalance: 'Hai scelto di pagare con il tuo saldo: la pagina dell’ordine mostra il pagamento.',
    text: (o) =>
      `Grazie per il tuo ordine ${o.reference} in ${o.brand}. È in attesa del pagamento.\n\n${o.lines}\n\n` +
      `Imponibile: ${o.net}\nIVA: ${o.vat} (${o.tax})\nTotale da pagare: ${o.gross}\n\n${o.payment}\n\n` +
      `Ti preghiamo di pagare entro il ${o.dueAt}; dopo, un ordine non pagato viene annullato. Fattura proforma: ${o.proforma}.\n` +
      `Le licenze vengono emesse appena arriva il pagamento. L’ordine: ${o.link}`,
  },
  // -- payments --
  payments: {
    fulfilledSubject: (reference) => `Pagamento ricevuto: il tuo ordine ${reference} è evaso`,
    fulfilledText: (input) =>
      `Grazie: abbiamo ricevuto il tuo pagamento di ${input.amount} e il tuo ordine ${input.reference} è evaso.` +
      `${input.invoiceNumber ? `\n\nLa tua fattura: ${input.invoiceNumber}.` : ''}` +
      `${input.licences ? `\n\nQueste licenze sono ora nel tuo account:\n\n${input.licences}` : ''}` +
      `${input.changes ? `\n\nRinnovato o modificato con questo ordine:\n\n${input.changes}` : ''}` +
      `${input.services ? `\n\nQuesti servizi sono stati avviati:\n\n${input.services}` : ''}\n\n` +
      `${input.attached ? 'I file di attivazione sono allegati a questa e-mail. ' : ''}Licenze, file e fattura sono nel portale clienti: ${input.url}`,
    receivedSubject: (reference) => `Pagamento ricevuto per l’ordine ${reference}`,
    receivedText: (input) =>
      `Abbiamo ricevuto il tuo pagamento di ${input.amount} per l’ordine ${input.reference}.` +
      `${input.cancelled ? `\n\nL’ordine non può più essere evaso (ciò che rinnova o aggiorna è terminato o cambiato dal calcolo del prezzo), quindi lo abbiamo annullato.` : ''}` +
      `${input.remaining ? `\n\nAncora da pagare: ${input.remaining}. Evaderemo l’ordine appena arriva il resto.` : ''}` +
      `${input.credited ? `\n\n${input.credited} è stato accreditato sul tuo saldo.` : ''}\n\nL’ordine nel portale clienti: ${input.url}`,
  },
  // -- invoices --
  // -- balance --
  lowBalance: {
    subject: (balance) => `Il tuo saldo è basso: ${balance}`,
    text: (input) =>
      `Il saldo di ${input.accountName} è ora ${input.balance}, sotto la soglia di ${input.threshold} impostata per questo avviso.\n\nRicaricalo o modifica l’avviso nella pagina del saldo: ${input.link}\n\nScriviamo una volta ogni volta che il saldo scende sotto la soglia.`,
  },
  topUpOrdered: {
    subject: (reference) => `Ricarica del saldo ${reference}: dati per il pagamento`,
    text: (input) =>
      `Grazie. La ricarica del saldo ${input.reference} di ${input.amount} attende il tuo bonifico.\n\nIntestatario: ${input.holder}\nBanca: ${input.bankName}\nIBAN: ${input.iban}\nSWIFT: ${input.swift}\nImporto: ${input.amount}\nCausale: ${input.reference}\nDa pagare entro: ${input.dueOn}\n\nFattura proforma: ${input.proforma}. Una ricarica è un anticipo: l’IVA viene fatturata quando il saldo viene speso.\nIl saldo aumenta non appena registriamo il pagamento: ${input.link}`,
  },
  // -- services --
  // -- renewals --
  // -- plan-changes --
  planChanges: {
    creditSubject: (service, to) => `${service}: piano cambiato in ${to}`,
    creditText: (s) =>
      `Il piano del tuo servizio ${s.service} è passato oggi da ${s.from} a ${s.to}. D’ora in poi costa ${s.price}.\n\n` +
      `Per il resto del periodo pagato fino al ${s.paidUntil} abbiamo accreditato la differenza di ${s.credit} sul tuo saldo.` +
      `${s.correction ? ` La nota di credito ${s.correction} lo registra.` : ''}\n\nIl servizio: ${s.link}\nIl tuo saldo: ${s.balanceLink}`,
  },
  // -- cancellations --
  cancellations: {
    subject: (service) => `${service} è stato disdetto`,
    text: (s) =>
      (s.ended
        ? `Il tuo servizio ${s.service} è stato disdetto e si è concluso il ${s.endsOn}.`
        : `Il tuo servizio ${s.service} è stato disdetto. Resta attivo fino al ${s.endsOn} e poi termina; fino a quel giorno puoi riattivarlo dalla sua pagina.`) +
      `${s.refund ? `\n\nAbbiamo accreditato ${s.refund} sul tuo saldo per i giorni non utilizzati.` : ''}` +
      `${s.correction ? ` La nota di credito ${s.correction} lo registra.` : ''}\n\nIl servizio: ${s.link}`,
  },
  // -- subscription-job --
  subscriptionJob: {
    period: (count, unit) => (unit === 'month' ? (count === 1 ? 'un mese' : `${count} mesi`) : count === 1 ? 'un anno' : `${count} anni`),
    priceFor: (amount, period) => `${amount} netti per ${period}`,
    reminderSubject: (s) => `${s.service}: pagato fino al ${s.paidUntil}`,
    reminderText: (s) =>
      `Il tuo servizio ${s.service} è pagato fino al ${s.paidUntil} (${s.daysLeft === 1 ? 'manca 1 giorno' : `mancano ${s.daysLeft} giorni`}). Un rinnovo costa ${s.price}.\n\n` +
      (s.autoRenew
        ? 'Il rinnovo automatico è attivo: alla scadenza lo rinnoviamo dal tuo saldo. Assicurati che il saldo sia sufficiente.'
        : 'Rinnovalo nel portale clienti perché continui a funzionare.') +
      `\n\nIl servizio: ${s.link}`,
    autoRenewFailedSubject: (service) => `Non è stato possibile rinnovare automaticamente ${service}`,
    autoRenewFailed: {
      'insufficient-balance': 'il tuo saldo non è sufficiente',
      refused: 'non è stato possibile ordinare il rinnovo automaticamente',
    },
    autoRenewFailedText: (s) =>
      `Il tuo servizio ${s.service} è pagato fino al ${s.paidUntil}. Abbiamo provato a rinnovarlo dal tuo saldo (${s.price}), ma ${s.reason}.\n\n` +
      `Ricarica il saldo (riproveremo il ${s.paidUntil}) oppure rinnovalo ora.\n\nIl tuo saldo: ${s.balanceLink}\nRinnova ora: ${s.link}`,
    clientAutoRenewFailedText: (s) =>
      `Il tuo ${s.service} è pagato fino al ${s.paidUntil}. Il tuo distributore, ${s.distributor}, lo rinnova automaticamente, ma il rinnovo non è stato pagato dal suo saldo.\n\n` +
      `Abbiamo chiesto a ${s.distributor} di ricaricare il saldo o di rinnovarlo per te. Contattalo se resta non pagato.\n\nIl servizio: ${s.link}`,
    distributorAutoRenewFailedSubject: (s) => `Non è stato possibile rinnovare automaticamente ${s.service} del tuo cliente ${s.client}`,
    distributorAutoRenewFailedText: (s) =>
      `Il ${s.service} del tuo cliente ${s.client} è pagato fino al ${s.paidUntil}. Abbiamo provato a rinnovarlo dal tuo saldo (${s.price}), ma ${s.reason}.\n\n` +
      `Ricarica il saldo (riproveremo dopo il ${s.paidUntil}) o rinnovalo ora per il tuo cliente. Il cliente sa che te lo abbiamo chiesto.\n\n` +
      `Il tuo saldo: ${s.balanceLink}\nRinnova ora: ${s.link}`,
    overdueSubject: (service) => `${service}: il periodo pagato è terminato`,
    overdueText: (s) =>
      `Il periodo pagato del tuo servizio ${s.service} è terminato il ${s.paidUntil}. Rinnovalo (${s.price}) entro il ${s.suspendOn}, altrimenti sarà sospeso.` +
      `${s.autoRenewFailed ? `\n\nAbbiamo provato a rinnovarlo dal tuo saldo, ma ${s.autoRenewFailed}.` : ''}\n\nRinnova ora: ${s.link}`,
    suspendedSubject: (service) => `${service} è sospeso`,
    suspendedText: (s) =>
      `Il tuo servizio ${s.service} era pagato fino al ${s.paidUntil} e non è stato rinnovato, quindi ora è sospeso.\n\n` +
      `Rinnovalo (${s.price}) per ripristinarlo: ${s.link}`,
  },
  // -- upgrades --
  // -- distributors --
};
