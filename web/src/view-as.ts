// "View as customer" in the browser: while a staff user views an account, the customer pages call the customer routes
// under /api/view-as/{accountId} with the staff session (docs/api.md, "View as customer"). Kept per tab in
// sessionStorage, so a reload stays in the view and another tab does not enter it; it ends at the server's expiry.

const STORAGE_KEY = 'atrium.viewAs';

export interface ViewingAs {
  accountId: string;
  accountName: string;
  ownerEmail: string;
  /** ISO time at which the server stops honouring the view. */
  expiresAt: string;
}

function read(): ViewingAs | undefined {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return undefined;
    const value = JSON.parse(stored) as ViewingAs;
    if (typeof value.accountId !== 'string' || !(Date.parse(value.expiresAt) > Date.now())) {
      sessionStorage.removeItem(STORAGE_KEY);
      return undefined;
    }
    return value;
  } catch {
    return undefined;
  }
}

/** The account this tab views as its owner, if a live view is on. */
export function viewingAs(): ViewingAs | undefined {
  return read();
}

export function startViewingAs(view: ViewingAs): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(view));
}

export function stopViewingAs(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
