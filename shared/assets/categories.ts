// The kinds of asset, with no dependencies: the entity, the route contracts and the web pages share them.

export const ASSET_CATEGORIES = ['server', 'network', 'security', 'storage', 'workstation', 'software', 'other'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
