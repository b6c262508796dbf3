// Which of their accounts a customer acts for, when they belong to several (the account switch in the header): kept in
// localStorage, sent with every customer call as the `x-atrium-account` header, and checked by the server against the
// person's memberships (shared/accounts/caller.ts). Without a choice, the server acts for the first account.

const STORAGE_KEY = 'atrium.account';

export function chosenAccount(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Acts for this account from the next call on; `undefined` goes back to the server's default. */
export function chooseAccount(accountId: string | undefined): void {
  try {
    if (accountId === undefined) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, accountId);
  } catch {
    // Storage blocked: the choice lasts until the page reloads (the server's default after that).
  }
}
