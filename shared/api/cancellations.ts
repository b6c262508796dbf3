// The cancellations routes' contracts (issue #15). Filled by its area.

export {};
