// The knowledge base's fixed lists, apart from the entity so the web and the route contracts import them without the
// table client.

/** Fixed in code (a small list the portal translates); a new category is a one-line change here and in the texts. */
export const ARTICLE_CATEGORIES = ['getting-started', 'installation', 'configuration', 'licensing', 'troubleshooting', 'security'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
