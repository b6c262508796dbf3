// The mail after a payment, to the account's `orders` recipients each in their language: "your order is fulfilled" with
// the activation files attached (seed 003: the activation file once paid), or "payment received" with what is still due
// or what went to the balance. The payment stands whatever happens to the mail.

import { config } from '#shared/config.ts';
import type { Payment } from '#shared/billing/payment.ts';
import { formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { LICENCE_FILE_TYPE, licenceFile } from '#shared/licences/issue-file.ts';
import type { Licence } from '#shared/licences/model.ts';
import { type Mail, type MailAttachment, MAX_ATTACHMENT_BYTES } from '#shared/mail/mail.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import type { SendResult } from '#shared/mail/send.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { lineDescription } from '#shared/shop/line-key.ts';
import { logger } from '#shared/observability/logger.ts';
import type { IssuedLicence, StoredOrder } from '#shared/orders/model.ts';

export type PaymentMail = SendResult | 'failed' | 'not-sent';

export interface PaymentMailInput {
  payment: Payment;
  order: StoredOrder;
  /** The licences the payment's fulfilment issued. */
  issued: IssuedLicence[];
  outcome: 'applied' | 'credited-to-balance' | 'replayed';
}

/** The licence as its file describes it, from what the order keeps of it. */
function licenceOf(order: StoredOrder, issued: IssuedLicence, purchasedAt: string): Licence {
  return {
    licenceId: issued.licenceId,
    product: issued.product,
    serial: issued.serial,
    ...(issued.days ? { days: issued.days } : {}),
    users: issued.users,
    edition: issued.edition,
    orderId: order.orderId,
    orderReference: order.reference,
    purchasedAt,
    ...(issued.supportEndsAt ? { supportEndsAt: issued.supportEndsAt } : {}),
  };
}

/** The signed `.lic` file of every licence issued, or none when together they would not fit one queued mail. */
export async function activationFiles(order: StoredOrder, issued: IssuedLicence[], at: string): Promise<MailAttachment[]> {
  const files = await Promise.all(
    // Each file names the licensee's account: a client's, when a distributor's order upgraded the client's licence.
    issued.map((each) =>
      licenceFile(each.accountId ?? order.accountId, licenceOf(order, each, at), each.supportEndsAt ? [each.supportEndsAt] : [], at),
    ),
  );
  const attachments = files.map((file) => ({
    filename: file.filename,
    contentType: LICENCE_FILE_TYPE,
    content: Buffer.from(file.content, 'utf8').toString('base64'),
  }));
  const bytes = attachments.reduce((total, attachment) => total + attachment.content.length, 0);
  return bytes <= MAX_ATTACHMENT_BYTES ? attachments : [];
}

export function paymentMail(to: string, locale: Locale, input: PaymentMailInput & { attachments: MailAttachment[] }): Mail {
  const texts = shopMailMessages(locale).payments;
  const { payment, order } = input;
  const url = `${config().portalUrl}/orders/${order.orderId}`;
  const amount = formatMoney({ amountMinor: payment.amountMinor, currency: payment.currency }, locale);
  const fulfilledPurchase = input.outcome === 'applied' && order.shop?.status === 'fulfilled' && order.shop.purpose === 'purchase';
  if (fulfilledPurchase) {
    const confirmation = mailMessages(locale).orderConfirmation;
    const licences = input.issued.map(confirmation.licence).join('\n\n');
    const services = (order.services ?? []).map(confirmation.service).join('\n');
    // Renewals and plan changes (issue #15) say what they renewed or changed; an upgrade's new licence is in `licences`.
    const changes = order.lines
      .flatMap((line) => (line.action && line.action.kind !== 'upgrade' ? [`- ${lineDescription(line, locale)}`] : []))
      .join('\n');
    return withFooter(locale, {
      to,
      subject: texts.fulfilledSubject(order.reference),
      text: texts.fulfilledText({
        reference: order.reference,
        amount,
        ...(order.shop?.invoice ? { invoiceNumber: order.shop.invoice.number } : {}),
        ...(licences ? { licences } : {}),
        ...(services ? { services } : {}),
        ...(changes ? { changes } : {}),
        attached: input.attachments.length > 0,
        url,
      }),
      ...(input.attachments.length ? { attachments: input.attachments } : {}),
    });
  }
  const credited =
    input.outcome === 'credited-to-balance' || order.shop?.purpose === 'top-up' ? payment.amountMinor : payment.creditedMinor;
  const remaining = order.shop?.status === 'awaiting-payment' ? order.total.amountMinor - order.shop.paidMinor : 0;
  return withFooter(locale, {
    to,
    subject: texts.receivedSubject(order.reference),
    text: texts.receivedText({
      reference: order.reference,
      amount,
      ...(order.shop?.closedBecause ? { cancelled: true } : {}),
      ...(remaining > 0 ? { remaining: formatMoney({ amountMinor: remaining, currency: payment.currency }, locale) } : {}),
      ...(credited > 0 ? { credited: formatMoney({ amountMinor: credited, currency: payment.currency }, locale) } : {}),
      url,
    }),
  });
}

/** Mails the account's `orders` recipients about one payment; never fails the payment. */
export async function mailPayment(input: PaymentMailInput): Promise<PaymentMail> {
  try {
    const fulfilled = input.outcome === 'applied' && input.order.shop?.status === 'fulfilled' && input.issued.length > 0;
    const attachments = fulfilled ? await activationFiles(input.order, input.issued, input.payment.recordedAt) : [];
    const sent = await mailAccount(
      input.order.accountId,
      'orders',
      (recipient) => paymentMail(recipient.email, recipient.locale, { ...input, attachments }),
      input.order.locale,
    );
    return sent.result;
  } catch (error) {
    logger.error('payment: the mail could not be sent', { error: error as Error });
    return 'failed';
  }
}
