// What a page of a list is, with no dependencies: the API schemas and the DynamoDB reader share it.

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Date order of a list: `desc` (newest first) unless the caller asks for `asc`. */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
}
