// Route contracts of the support desk's assets area (issue #13).

export {};
