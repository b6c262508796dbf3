// Route contracts of the support desk's tickets area (issue #13).

export {};
