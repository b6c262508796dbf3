// The ticket's enumerations (issue #13), with no dependencies: the contracts and the web import them from here;
// shared/tickets/model.ts re-exports them with the entity.

export const TICKET_KINDS = ['administrative', 'technical'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** As the seed's CLICO system: new until staff first act, then open, waiting on one side, resolved, closed. */
export const TICKET_STATUSES = ['new', 'open', 'waiting-for-customer', 'waiting-for-vendor', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** What an administrative ticket is about (the seed's "rodzaj relacji"). */
export const TICKET_RELATIONS = ['billing', 'licensing', 'sales', 'other'] as const;
export type TicketRelation = (typeof TICKET_RELATIONS)[number];
