// The mail of a placed prepayment order: the reference, the lines, net/VAT/gross, what to pay and how (for a bank
// transfer the vendor's bank, IBAN, SWIFT, the exact amount and the title), the due date and the order page's link. To
// the account's `orders` recipients, each in their language. The order stands whatever happens to the mail.

import { brand } from '#shared/brand.ts';
import { config } from '#shared/config.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { money } from '#shared/money.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { logger } from '#shared/observability/logger.ts';
import type { StoredOrder } from '#shared/orders/model.ts';
import { lineDescription } from '#shared/shop/line-key.ts';
import { paymentMethod } from '#shared/shop/payment-methods.ts';

type ShopOrder = StoredOrder & { shop: NonNullable<StoredOrder['shop']> };

/** How the order page's address is built: the mail links there, the page is web/src/pages/OrderDetail.tsx. */
export function orderPageUrl(portalUrl: string, orderId: string): string {
  return `${portalUrl}/orders/${orderId}`;
}

export function placedOrderMail(to: string, order: ShopOrder, locale: Locale): Mail {
  const texts = shopMailMessages(locale).placedOrder;
  const amount = (minor: number) => formatMoney(money(minor, order.total.currency), locale);
  const { shop } = order;
  const instructions = paymentMethod(shop.paymentMethod).instructions(order);
  const lines = order.lines.map((line, index) => {
    const net = formatMoney(line.subtotal, locale);
    // A renewal, plan change or upgrade is named by what it does, in the reader's language.
    if (line.action)
      return texts.actionLine({ index: index + 1, description: lineDescription(line, locale), quantity: line.quantity, net });
    return texts.line({ index: index + 1, product: line.product, edition: line.edition, users: line.users, quantity: line.quantity, net });
  });
  return withFooter(locale, {
    to,
    subject: texts.subject(order.reference),
    text: texts.text({
      brand: brand().productName,
      reference: order.reference,
      lines: lines.join('\n'),
      net: amount(shop.tax.netMinor),
      vat: amount(shop.tax.vatMinor),
      gross: formatMoney(order.total, locale),
      tax: texts.tax[shop.tax.treatment](shop.tax.rateBasisPoints / 100),
      payment: instructions
        ? texts.transfer({
            holder: instructions.holder,
            bankName: instructions.bankName,
            iban: instructions.iban,
            swift: instructions.swift,
            amount: formatMoney(instructions.amount, locale),
            title: instructions.title,
          })
        : texts.fromBalance,
      dueAt: formatDay(shop.expiresAt, locale),
      link: orderPageUrl(config().portalUrl, order.orderId),
      proforma: shop.proforma?.number ?? '',
    }),
  });
}

/** Mails the placed order; a failure is logged, never thrown (the order is already written). */
export async function mailPlacedOrder(order: StoredOrder): Promise<void> {
  const { shop } = order;
  if (!shop) return;
  const shopOrder: ShopOrder = { ...order, shop };
  try {
    await mailAccount(
      order.accountId,
      'orders',
      (recipient) => placedOrderMail(recipient.email, shopOrder, recipient.locale),
      order.locale,
    );
  } catch (error) {
    logger.error('checkout: the order e-mail could not be sent', { error: error as Error, orderId: order.orderId });
  }
}
