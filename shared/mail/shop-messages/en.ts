// The shop and billing mails in en: the order placed, payments, the low-balance alert, a top-up ordered. A catalogue of
// their own, so that bundles sending other mail (sign-in codes, tickets) do not carry these texts.

export const shopMailEn = {
  // -- shop --
  // -- checkout --
  placedOrder: {
    subject: (reference: string) => `Your order ${reference}: payment details`,
    line: (l: { index: number; product: string; edition: string; users: number; quantity: number; net: string }) =>
      `${l.index}. ${l.product}, ${l.edition} edition, ${l.users} users × ${l.quantity}: ${l.net} net`,
    actionLine: (l: { index: number; description: string; quantity: number; net: string }) =>
      `${l.index}. ${l.description} × ${l.quantity}: ${l.net} net`,
    tax: {
      domestic: (rate: number) => `VAT ${rate} %`,
      consumer: (rate: number) => `VAT ${rate} %`,
      'reverse-charge': () => 'Reverse charge: the buyer accounts for the VAT',
      export: () => 'Not subject to VAT (outside the EU)',
    },
    transfer: (t: { holder: string; bankName: string; iban: string; swift: string; amount: string; title: string }) =>
      `Please pay by bank transfer:\n  Account holder: ${t.holder}\n  Bank: ${t.bankName}\n  IBAN: ${t.iban}\n  SWIFT/BIC: ${t.swift}\n  Amount: ${t.amount}\n  Transfer title: ${t.title}\n` +
      `Please give exactly this title so that we can match your payment.`,
    fromBalance: 'You chose to pay from your balance: the order page shows the payment.',
    text: (o: {
      brand: string;
      reference: string;
      lines: string;
      net: string;
      vat: string;
      gross: string;
      tax: string;
      payment: string;
      dueAt: string;
      link: string;
      proforma: string;
    }) =>
      `Thank you for your order ${o.reference} in ${o.brand}. It waits for your payment.\n\n${o.lines}\n\n` +
      `Net: ${o.net}\nVAT: ${o.vat} (${o.tax})\nTotal to pay: ${o.gross}\n\n${o.payment}\n\n` +
      `Please pay by ${o.dueAt}; an unpaid order is cancelled after that. Proforma invoice: ${o.proforma}.\n` +
      `Your licences are issued as soon as the payment arrives. The order: ${o.link}`,
  },
  // -- payments --
  payments: {
    fulfilledSubject: (reference: string) => `Payment received: your order ${reference} is fulfilled`,
    fulfilledText: (input: {
      reference: string;
      amount: string;
      invoiceNumber?: string;
      licences?: string;
      services?: string;
      changes?: string;
      attached: boolean;
      url: string;
    }) =>
      `Thank you: we received your payment of ${input.amount} and your order ${input.reference} is fulfilled.` +
      `${input.invoiceNumber ? `\n\nYour VAT invoice: ${input.invoiceNumber}.` : ''}` +
      `${input.licences ? `\n\nThese licences are now on your account:\n\n${input.licences}` : ''}` +
      `${input.changes ? `\n\nRenewed or changed by this order:\n\n${input.changes}` : ''}` +
      `${input.services ? `\n\nThese services started:\n\n${input.services}` : ''}\n\n` +
      `${input.attached ? 'Their activation files are attached to this e-mail. ' : ''}Your licences, their files and the invoice are in the customer portal: ${input.url}`,
    receivedSubject: (reference: string) => `Payment received for order ${reference}`,
    receivedText: (input: {
      reference: string;
      amount: string;
      remaining?: string;
      credited?: string;
      /** The order could no longer be fulfilled and was cancelled (the payment went to the balance). */
      cancelled?: boolean;
      url: string;
    }) =>
      `We received your payment of ${input.amount} for order ${input.reference}.` +
      `${input.cancelled ? `\n\nThe order could no longer be fulfilled (what it renews or upgrades has ended or changed since it was priced), so we cancelled it.` : ''}` +
      `${input.remaining ? `\n\nStill to pay: ${input.remaining}. We will fulfil the order as soon as the rest arrives.` : ''}` +
      `${input.credited ? `\n\n${input.credited} was credited to your balance.` : ''}\n\nThe order in the customer portal: ${input.url}`,
  },
  // -- invoices --
  // -- balance --
  lowBalance: {
    subject: (balance: string) => `Your balance is low: ${balance}`,
    text: (input: { accountName: string; balance: string; threshold: string; link: string }) =>
      `The balance of ${input.accountName} is now ${input.balance}, below the ${input.threshold} you set for this alert.\n\nTop it up or change the alert on the balance page: ${input.link}\n\nWe write once each time the balance falls below the threshold.`,
  },
  topUpOrdered: {
    subject: (reference: string) => `Balance top-up ${reference}: payment details`,
    text: (input: {
      reference: string;
      amount: string;
      holder: string;
      bankName: string;
      iban: string;
      swift: string;
      dueOn: string;
      proforma: string;
      link: string;
    }) =>
      `Thank you. Your balance top-up ${input.reference} of ${input.amount} is waiting for your bank transfer.\n\nAccount holder: ${input.holder}\nBank: ${input.bankName}\nIBAN: ${input.iban}\nSWIFT: ${input.swift}\nAmount: ${input.amount}\nTransfer title: ${input.reference}\nPay by: ${input.dueOn}\n\nProforma invoice: ${input.proforma}. A top-up is a deposit: VAT is invoiced when the balance is spent.\nYour balance rises as soon as we record the payment: ${input.link}`,
  },
  // -- services --
  // -- renewals --
  // -- plan-changes --
  planChanges: {
    creditSubject: (service: string, to: string) => `${service}: plan changed to ${to}`,
    creditText: (s: {
      service: string;
      from: string;
      to: string;
      price: string;
      paidUntil: string;
      credit: string;
      correction?: string;
      link: string;
      balanceLink: string;
    }) =>
      `The plan of your ${s.service} changed today from ${s.from} to ${s.to}. From now on it costs ${s.price}.\n\n` +
      `For the rest of the period paid until ${s.paidUntil}, we credited the difference of ${s.credit} to your balance.` +
      `${s.correction ? ` The correction invoice ${s.correction} records it.` : ''}\n\nThe service: ${s.link}\nYour balance: ${s.balanceLink}`,
  },
  // -- cancellations --
  cancellations: {
    subject: (service: string) => `${service} is cancelled`,
    text: (s: { service: string; ended: boolean; endsOn: string; refund?: string; correction?: string; link: string }) =>
      (s.ended
        ? `Your ${s.service} is cancelled and ended on ${s.endsOn}.`
        : `Your ${s.service} is cancelled. It stays active until ${s.endsOn} and ends then; until that day you can resume it on its page.`) +
      `${s.refund ? `\n\nWe credited ${s.refund} for the unused days to your balance.` : ''}` +
      `${s.correction ? ` The correction invoice ${s.correction} records it.` : ''}\n\nThe service: ${s.link}`,
  },
  // -- subscription-job --
  subscriptionJob: {
    period: (count: number, unit: 'month' | 'year') =>
      unit === 'month' ? (count === 1 ? 'a month' : `${count} months`) : count === 1 ? 'a year' : `${count} years`,
    priceFor: (amount: string, period: string) => `${amount} net for ${period}`,
    reminderSubject: (s: { service: string; paidUntil: string }) => `${s.service}: paid until ${s.paidUntil}`,
    reminderText: (s: { service: string; paidUntil: string; daysLeft: number; price: string; autoRenew: boolean; link: string }) =>
      `Your ${s.service} is paid until ${s.paidUntil} (${s.daysLeft === 1 ? '1 day' : `${s.daysLeft} days`} left). A renewal costs ${s.price}.\n\n` +
      (s.autoRenew
        ? 'Automatic renewal is on: we renew it from your balance when it falls due. Please make sure your balance covers it.'
        : 'Renew it in the customer portal to keep it running.') +
      `\n\nThe service: ${s.link}`,
    autoRenewFailedSubject: (service: string) => `We could not renew ${service} automatically`,
    autoRenewFailed: {
      'insufficient-balance': 'your balance does not cover it',
      refused: 'the renewal could not be ordered automatically',
    },
    autoRenewFailedText: (s: { service: string; reason: string; paidUntil: string; price: string; balanceLink: string; link: string }) =>
      `Your ${s.service} is paid until ${s.paidUntil}. We tried to renew it from your balance (${s.price}), but ${s.reason}.\n\n` +
      `Please top up your balance (we try once more on ${s.paidUntil}) or renew it now.\n\nYour balance: ${s.balanceLink}\nRenew now: ${s.link}`,
    clientAutoRenewFailedText: (s: { service: string; paidUntil: string; distributor: string; link: string }) =>
      `Your ${s.service} is paid until ${s.paidUntil}. Your distributor, ${s.distributor}, renews it automatically, but the renewal could not be paid from their balance.\n\n` +
      `We have asked ${s.distributor} to top up their balance or renew it for you. Please contact them if it stays unpaid.\n\nThe service: ${s.link}`,
    distributorAutoRenewFailedSubject: (s: { service: string; client: string }) =>
      `We could not renew ${s.service} of your client ${s.client} automatically`,
    distributorAutoRenewFailedText: (s: {
      service: string;
      client: string;
      reason: string;
      paidUntil: string;
      price: string;
      balanceLink: string;
      link: string;
    }) =>
      `The ${s.service} of your client ${s.client} is paid until ${s.paidUntil}. We tried to renew it from your balance (${s.price}), but ${s.reason}.\n\n` +
      `Please top up your balance (we try once more after ${s.paidUntil}) or renew it for your client now. Your client has been told you were asked.\n\n` +
      `Your balance: ${s.balanceLink}\nRenew now: ${s.link}`,
    overdueSubject: (service: string) => `${service}: the paid period has ended`,
    overdueText: (s: { service: string; paidUntil: string; suspendOn: string; price: string; autoRenewFailed?: string; link: string }) =>
      `The paid period of your ${s.service} ended on ${s.paidUntil}. Please renew it (${s.price}) by ${s.suspendOn}, or it will be suspended.` +
      `${s.autoRenewFailed ? `\n\nWe tried to renew it from your balance, but ${s.autoRenewFailed}.` : ''}\n\nRenew now: ${s.link}`,
    suspendedSubject: (service: string) => `${service} is suspended`,
    suspendedText: (s: { service: string; paidUntil: string; price: string; link: string }) =>
      `Your ${s.service} was paid until ${s.paidUntil} and has not been renewed, so it is now suspended.\n\n` +
      `Renew it (${s.price}) to restore it: ${s.link}`,
  },
  // -- upgrades --
  // -- distributors --
};

export type ShopMailMessages = typeof shopMailEn;
