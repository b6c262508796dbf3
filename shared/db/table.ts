// The single table's shape, declared once: CDK builds the AWS table from it and the local runtime creates DynamoDB Local's.

export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/** Staff-wide lists (all customers, all orders, ...) and reverse look-ups (user -> accounts). */
export const GSI1 = { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' } as const;

/**
 * Queues that cut across accounts while an item is also on GSI1 in its account's list (the staff ticket queue). CDK
 * adds one index per deployment; this one was added alone (docs/operations.md).
 */
export const GSI2 = { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' } as const;

export const GLOBAL_SECONDARY_INDEXES = [GSI1, GSI2] as const;

/** Items with this attribute (epoch seconds) expire; readers must still ignore expired items themselves. */
export const TTL_ATTRIBUTE = 'expiresAt';
