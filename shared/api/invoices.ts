// Route contracts of invoices: proformas, VAT and correction invoices, PDFs, the invoices page.

export {};
