// Route contracts of distributors and their clients (issue #15).

export {};
