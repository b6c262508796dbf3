// The plan changes routes' contracts (issue #15). Filled by its area.

export {};
