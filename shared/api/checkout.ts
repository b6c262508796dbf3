// Route contracts of checkout: prepayment orders, payment by bank transfer, the order mail.

export {};
