// Contracts: The signed-in person's security centre: password, sessions, sign-in history, IP allow-list, one-time security code; and the staff's side of it.

export {};
