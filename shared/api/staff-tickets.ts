// Route contracts of the support desk's staff-tickets area (issue #13).

export {};
