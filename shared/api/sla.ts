// Route contracts of the support desk's sla area (issue #13).

export {};
