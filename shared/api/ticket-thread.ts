// Route contracts of the support desk's ticket-thread area (issue #13).

export {};
