// Route contracts of the balance: ledger, top-ups, refunds, staff adjustments, the low-balance alert.

export {};
