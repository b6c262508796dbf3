// The shop and billing mails in pl: the order placed, payments, the low-balance alert, a top-up ordered. A catalogue of
// their own, so that bundles sending other mail (sign-in codes, tickets) do not carry these texts.

import { plural } from '#shared/i18n/format.ts';
import type { ShopMailMessages } from '#shared/mail/shop-messages/en.ts';

export const shopMailPl: ShopMailMessages = {
  // -- shop --
  // -- checkout --
  placedOrder: {
    subject: (reference: string) => `Twoje zamówienie ${reference}: dane do płatności`,
    line: (l: { index: number; product: string; edition: string; users: number; quantity: number; net: string }) =>
      `${l.index}. ${l.product}, edycja ${l.edition}, ${l.users} użytkowników × ${l.quantity}: ${l.net} netto`,
    actionLine: (l: { index: number; description: string; quantity: number; net: string }) =>
      `${l.index}. ${l.description} × ${l.quantity}: ${l.net} netto`,
    tax: {
      domestic: (rate: number) => `VAT ${rate} %`,
      consumer: (rate: number) => `VAT ${rate} %`,
      'reverse-charge': () => 'Odwrotne obciążenie: VAT rozlicza nabywca',
      export: () => 'Nie podlega VAT (poza UE)',
    },
    transfer: (t) =>
      `Prosimy o przelew:\n  Odbiorca: ${t.holder}\n  Bank: ${t.bankName}\n  IBAN: ${t.iban}\n  SWIFT/BIC: ${t.swift}\n  Kwota: ${t.amount}\n  Tytuł przelewu: ${t.title}\n` +
      `Prosimy podać dokładnie ten tytuł, abyśmy mogli dopasować wpłatę.`,
    fromBalance: 'Wybrano płatność z salda: płatność widać na stronie zamówienia.',
    text: (o) =>
      `Dziękujemy za zamówienie ${o.reference} w ${o.brand}. Czeka ono na płatność.\n\n${o.lines}\n\n` +
      `Netto: ${o.net}\nVAT: ${o.vat} (${o.tax})\nDo zapłaty: ${o.gross}\n\n${o.payment}\n\n` +
      `Prosimy o zapłatę do ${o.dueAt}; nieopłacone zamówienie zostanie potem anulowane. Faktura proforma: ${o.proforma}.\n` +
      `Licencje wydamy, gdy tylko wpłata dotrze. Zamówienie: ${o.link}`,
  },
  // -- payments --
  payments: {
    fulfilledSubject: (reference) => `Płatność otrzymana: zamówienie ${reference} zostało zrealizowane`,
    fulfilledText: (input) =>
      `Dziękujemy: otrzymaliśmy płatność ${input.amount}, a zamówienie ${input.reference} zostało zrealizowane.` +
      `${input.invoiceNumber ? `\n\nTwoja faktura VAT: ${input.invoiceNumber}.` : ''}` +
      `${input.licences ? `\n\nNa Twoim koncie są teraz te licencje:\n\n${input.licences}` : ''}` +
      `${input.changes ? `\n\nPrzedłużone lub zmienione tym zamówieniem:\n\n${input.changes}` : ''}` +
      `${input.services ? `\n\nUruchomione usługi:\n\n${input.services}` : ''}\n\n` +
      `${input.attached ? 'Pliki aktywacyjne są w załącznikach tej wiadomości. ' : ''}Licencje, ich pliki i faktura są w portalu klienta: ${input.url}`,
    receivedSubject: (reference) => `Otrzymaliśmy płatność za zamówienie ${reference}`,
    receivedText: (input) =>
      `Otrzymaliśmy płatność ${input.amount} za zamówienie ${input.reference}.` +
      `${input.cancelled ? `\n\nZamówienia nie można już zrealizować (to, co odnawia lub aktualizuje, zakończyło się lub zmieniło od wyceny), więc je anulowaliśmy.` : ''}` +
      `${input.remaining ? `\n\nPozostało do zapłaty: ${input.remaining}. Zrealizujemy zamówienie, gdy tylko wpłynie reszta.` : ''}` +
      `${input.credited ? `\n\nKwota ${input.credited} trafiła na Twoje saldo.` : ''}\n\nZamówienie w portalu klienta: ${input.url}`,
  },
  // -- invoices --
  // -- balance --
  lowBalance: {
    subject: (balance) => `Niskie saldo: ${balance}`,
    text: (input) =>
      `Saldo konta ${input.accountName} wynosi teraz ${input.balance} i spadło poniżej progu ${input.threshold} ustawionego dla tego powiadomienia.\n\nDoładuj saldo lub zmień próg na stronie salda: ${input.link}\n\nPiszemy raz za każdym razem, gdy saldo spadnie poniżej progu.`,
  },
  topUpOrdered: {
    subject: (reference) => `Doładowanie salda ${reference}: dane do przelewu`,
    text: (input) =>
      `Dziękujemy. Doładowanie salda ${input.reference} na kwotę ${input.amount} czeka na Twój przelew.\n\nOdbiorca: ${input.holder}\nBank: ${input.bankName}\nIBAN: ${input.iban}\nSWIFT: ${input.swift}\nKwota: ${input.amount}\nTytuł przelewu: ${input.reference}\nTermin płatności: ${input.dueOn}\n\nFaktura proforma: ${input.proforma}. Doładowanie to zaliczka na saldo: VAT naliczamy, gdy saldo zostanie wykorzystane.\nSaldo wzrośnie, gdy tylko zaksięgujemy wpłatę: ${input.link}`,
  },
  // -- services --
  // -- renewals --
  // -- plan-changes --
  planChanges: {
    creditSubject: (service, to) => `${service}: plan zmieniony na ${to}`,
    creditText: (s) =>
      `Plan Twojej usługi ${s.service} zmienił się dziś z ${s.from} na ${s.to}. Od teraz kosztuje ${s.price}.\n\n` +
      `Za resztę okresu opłaconego do ${s.paidUntil} zwróciliśmy różnicę, ${s.credit}, na Twoje saldo.` +
      `${s.correction ? ` Zwrot dokumentuje faktura korygująca ${s.correction}.` : ''}\n\nUsługa: ${s.link}\nTwoje saldo: ${s.balanceLink}`,
  },
  // -- cancellations --
  cancellations: {
    subject: (service) => `${service}: usługa anulowana`,
    text: (s) =>
      (s.ended
        ? `Twoja usługa ${s.service} została anulowana i zakończyła się ${s.endsOn}.`
        : `Twoja usługa ${s.service} została anulowana. Działa do ${s.endsOn} i wtedy się zakończy; do tego dnia możesz ją wznowić na jej stronie.`) +
      `${s.refund ? `\n\nZa niewykorzystane dni zwróciliśmy ${s.refund} na Twoje saldo.` : ''}` +
      `${s.correction ? ` Zwrot dokumentuje faktura korygująca ${s.correction}.` : ''}\n\nUsługa: ${s.link}`,
  },
  // -- subscription-job --
  subscriptionJob: {
    period: (count, unit) =>
      unit === 'month'
        ? count === 1
          ? 'miesiąc'
          : `${count} ${plural('pl', count, { few: 'miesiące', other: 'miesięcy' })}`
        : count === 1
          ? 'rok'
          : `${count} ${plural('pl', count, { few: 'lata', other: 'lat' })}`,
    priceFor: (amount, period) => `${amount} netto za ${period}`,
    reminderSubject: (s) => `${s.service}: opłacone do ${s.paidUntil}`,
    reminderText: (s) =>
      `Twoja usługa ${s.service} jest opłacona do ${s.paidUntil} (${plural('pl', s.daysLeft, { one: 'został 1 dzień', other: `zostało ${s.daysLeft} dni` })}). Odnowienie kosztuje ${s.price}.\n\n` +
      (s.autoRenew
        ? 'Automatyczne odnawianie jest włączone: gdy nadejdzie termin, odnowimy usługę z Twojego salda. Upewnij się, że saldo wystarczy.'
        : 'Odnów ją w portalu klienta, aby działała bez przerwy.') +
      `\n\nUsługa: ${s.link}`,
    autoRenewFailedSubject: (service) => `Nie udało się automatycznie odnowić: ${service}`,
    autoRenewFailed: {
      'insufficient-balance': 'saldo na to nie wystarcza',
      refused: 'nie udało się automatycznie złożyć zamówienia na odnowienie',
    },
    autoRenewFailedText: (s) =>
      `Twoja usługa ${s.service} jest opłacona do ${s.paidUntil}. Próbowaliśmy odnowić ją z salda (${s.price}), ale ${s.reason}.\n\n` +
      `Doładuj saldo (spróbujemy jeszcze raz ${s.paidUntil}) albo odnów usługę teraz.\n\nTwoje saldo: ${s.balanceLink}\nOdnów teraz: ${s.link}`,
    clientAutoRenewFailedText: (s) =>
      `Twoja usługa ${s.service} jest opłacona do ${s.paidUntil}. Twój dystrybutor, ${s.distributor}, odnawia ją automatycznie, ale nie udało się opłacić odnowienia z jego salda.\n\n` +
      `Poprosiliśmy firmę ${s.distributor} o doładowanie salda albo odnowienie usługi dla Ciebie. Jeśli pozostanie nieopłacona, skontaktuj się z dystrybutorem.\n\nUsługa: ${s.link}`,
    distributorAutoRenewFailedSubject: (s) => `Nie udało się automatycznie odnowić usługi ${s.service} Twojego klienta ${s.client}`,
    distributorAutoRenewFailedText: (s) =>
      `Usługa ${s.service} Twojego klienta ${s.client} jest opłacona do ${s.paidUntil}. Próbowaliśmy odnowić ją z Twojego salda (${s.price}), ale ${s.reason}.\n\n` +
      `Doładuj saldo (spróbujemy jeszcze raz po ${s.paidUntil}) albo odnów usługę dla klienta teraz. Klient wie, że poprosiliśmy o to Ciebie.\n\n` +
      `Twoje saldo: ${s.balanceLink}\nOdnów teraz: ${s.link}`,
    overdueSubject: (service) => `${service}: opłacony okres się skończył`,
    overdueText: (s) =>
      `Opłacony okres Twojej usługi ${s.service} skończył się ${s.paidUntil}. Odnów ją (${s.price}) do ${s.suspendOn}, inaczej zostanie zawieszona.` +
      `${s.autoRenewFailed ? `\n\nPróbowaliśmy odnowić ją z salda, ale ${s.autoRenewFailed}.` : ''}\n\nOdnów teraz: ${s.link}`,
    suspendedSubject: (service) => `${service}: usługa zawieszona`,
    suspendedText: (s) =>
      `Twoja usługa ${s.service} była opłacona do ${s.paidUntil} i nie została odnowiona, dlatego jest teraz zawieszona.\n\n` +
      `Odnów ją (${s.price}), aby ją przywrócić: ${s.link}`,
  },
  // -- upgrades --
  // -- distributors --
};
