// Shows the customer their cart as checkout would place it: today's prices, VAT, billing data, balance.

import * as api from '#shared/api/checkout.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { money } from '#shared/money.ts';
import { checkoutPreview } from '#shared/shop/checkout.ts';
import { PAYMENT_METHODS } from '#shared/shop/payment-methods.ts';

export const handler = customerHttpHandler(api.getCheckout, async ({ customer }) => {
  const preview = await checkoutPreview(customer.accountId);
  return {
    body: {
      ...preview.review,
      mayPay: preview.mayPay,
      balance: money(preview.balanceMinor, preview.review.currency),
      paymentMethods: [...PAYMENT_METHODS],
      orderExpiryDays: preview.orderExpiryDays,
    },
  };
});
