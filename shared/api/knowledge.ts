// Route contracts of the support desk's knowledge area (issue #13).

export {};
