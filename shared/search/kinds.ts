// The keys of a customer account the search can match. Pure, so the route contract and the web share the list.

export const SEARCH_KINDS = ['name', 'email', 'order', 'serial', 'contract', 'activation-key', 'vat'] as const;
/** Which key of the account a search matched. */
export type SearchKind = (typeof SEARCH_KINDS)[number];
