// Route contracts of the support desk's ticket-mail area (issue #13).

export {};
