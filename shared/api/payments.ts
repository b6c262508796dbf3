// Route contracts of payments: staff record bank payments, paying from the balance, fulfilment, expiry.

export {};
