// Contracts: The people of a customer account: invitations, roles, removal, and the accounts a person acts for.

export {};
