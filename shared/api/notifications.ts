// Contracts: Who receives which mail of an account, the mailing list (opt-in, one-click unsubscribe, staff export) and the change of a person's e-mail address.

export {};
