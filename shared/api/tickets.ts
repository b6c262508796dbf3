// Route contracts of the support desk's tickets area (issue #13): opening a ticket (administrative or technical), the
// product's own ticket fields for an asset, and the staff editor of those fields.

import { auditReason, timestamp } from '#shared/api/common.ts';
import { contract, customerRoles, json, staff } from '#shared/api/contract.ts';
import { catalogueIdSchema } from '#shared/api/catalogue.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { ulidSchema } from '#shared/http/schemas.ts';
import { ticketFieldListSchema } from '#shared/tickets/fields.ts';
import * as z from '#shared/validation.ts';

// The ticket model's values, written here because contracts must not import the model (it reads the table);
// `satisfies` keeps them equal to the model's, in order.
type TicketModel = typeof import('#shared/tickets/model.ts');
const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies TicketModel['TICKET_PRIORITIES'];
const TICKET_RELATIONS = ['billing', 'licensing', 'sales', 'other'] as const satisfies TicketModel['TICKET_RELATIONS'];

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 20_000;

const subject = z.string().check(z.trim(), z.minLength(SUBJECT_MIN), z.maxLength(SUBJECT_MAX));
const description = z.string().check(z.trim(), z.minLength(1), z.maxLength(DESCRIPTION_MAX));
const priority = z.enum(TICKET_PRIORITIES);
/** Answers by field key; checked against the asset's product definition by the use case (each bad field named). */
const fieldAnswers = z.record(
  z.string().check(z.regex(/^[a-z][A-Za-z0-9]{0,39}$/)),
  z.union([z.string().check(z.maxLength(2000)), z.number(), z.boolean()]),
);

export const administrativeTicketInput = z.strictObject({
  kind: z.literal('administrative'),
  subject,
  relation: z.enum(TICKET_RELATIONS),
  description,
  priority,
});

export const technicalTicketInput = z.strictObject({
  kind: z.literal('technical'),
  assetId: ulidSchema,
  subject,
  description,
  priority,
  fields: z._default(fieldAnswers, {}),
});

export const openTicketInput = z.discriminatedUnion('kind', [administrativeTicketInput, technicalTicketInput]);

export const openTicket = contract({
  method: 'POST',
  path: '/api/tickets',
  summary:
    'Opens a ticket. Administrative (owner, billing, technical): subject, relation, Markdown description, priority. Technical ' +
    '(owner, technical; billing → 403 ROLE_NOT_ALLOWED): an asset of the account (foreign → 404) under an active or expiring ' +
    'contract (else 400 CONTRACT_NOT_ACTIVE) and the answers to its product’s fields (400 VALIDATION_FAILED naming each bad field). ' +
    'Mails "we received your ticket" to the requester and the account’s support recipients.',
  access: customerRoles(ROLE_AREAS.ticketWrite),
  request: { body: openTicketInput },
  response: json(z.strictObject({ ticketNumber: z.number(), status: z.literal('new'), createdAt: timestamp }), 201),
});

const fieldsView = z.strictObject({
  productId: z.optional(z.string()),
  fields: ticketFieldListSchema(),
});

export const getTicketFields = contract({
  method: 'GET',
  path: '/api/tickets/fields',
  summary:
    'Owner, technical: the fields a technical ticket on this asset of the account asks (its product’s, else the default; ' +
    'another account’s asset → 404). Without `assetId`, the default questions.',
  access: customerRoles(ROLE_AREAS.technicalWrite),
  request: { query: z.strictObject({ assetId: z.optional(ulidSchema) }) },
  response: json(z.strictObject({ assetId: z.optional(z.string()), assetLabel: z.optional(z.string()), ...fieldsView.shape })),
});

const productPath = z.strictObject({ productId: catalogueIdSchema });

const staffFieldsView = z.strictObject({
  productId: z.string(),
  fields: ticketFieldListSchema(),
  /** No definition of its own yet: the default the product asks until edited. */
  isDefault: z.boolean(),
  updatedAt: z.optional(timestamp),
  updatedBy: z.optional(z.string()),
});

const fieldEditors = staff('admin', 'support');

export const getTicketFieldDefinition = contract({
  method: 'GET',
  path: '/api/admin/ticket-fields/{productId}',
  summary: 'Staff: the ticket fields a catalogue product asks (its own definition, or the default while it has none).',
  access: fieldEditors,
  request: { path: productPath },
  response: json(staffFieldsView),
});

export const setTicketFieldDefinition = contract({
  method: 'PUT',
  path: '/api/admin/ticket-fields/{productId}',
  summary:
    'Staff: replaces the ticket fields of a catalogue product (types date, yes-no, choice, number, text; labels in every language). ' +
    'New technical tickets are checked against it at once.',
  access: fieldEditors,
  audit: { action: 'catalogue.set-ticket-fields', reason: 'optional' },
  request: { path: productPath, body: z.strictObject({ fields: ticketFieldListSchema(), reason: z.optional(auditReason) }) },
  response: json(staffFieldsView),
});
