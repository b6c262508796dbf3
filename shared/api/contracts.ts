// Contracts of the staff's support-contract routes: list and search, create (with a one-time activation code when
// unassigned), one contract, regenerate its code, edit its term, SLA level and product. Support contracts, not route
// contracts: the area is named after the entity (shared/contracts/).

import { auditReason, pageOf, timestamp } from '#shared/api/common.ts';
import { contract, json, staff } from '#shared/api/contract.ts';
import { contractDateSchema, contractNumberPrefixSchema, contractNumberSchema, SLA_LEVELS } from '#shared/contracts/fields.ts';
import { accountIdSchema, pageQuery } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';

const productSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

const staffContractFields = {
  contractNumber: z.string(),
  product: z.string(),
  sla: z.enum(SLA_LEVELS),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['upcoming', 'active', 'expiring', 'expired']),
  claimed: z.boolean(),
  accountId: z.optional(z.string()),
  claimedAt: z.optional(timestamp),
  codeIssuedAt: z.optional(timestamp),
  createdAt: z.optional(timestamp),
  createdBy: z.optional(z.string()),
};

const staffContract = z.strictObject(staffContractFields);
const staffContractDetail = z.strictObject({
  ...staffContractFields,
  account: z.optional(z.strictObject({ accountId: z.string(), name: z.string() })),
});

const contractPath = z.strictObject({ contractNumber: contractNumberSchema });

/** Who may manage contracts: support sells and looks after them, admin can do everything. */
const contractStaff = staff('admin', 'support');

export const listContracts = contract({
  method: 'GET',
  path: '/api/admin/contracts',
  summary:
    'Staff: every support contract newest first; or those whose number starts with `q`; or one account’s (`accountId`, ' +
    'narrowed by `q` if given).',
  access: contractStaff,
  request: {
    query: z.strictObject({ ...pageQuery.shape, q: z.optional(contractNumberPrefixSchema), accountId: z.optional(accountIdSchema) }),
  },
  response: json(pageOf(staffContract)),
});

export const getContract = contract({
  method: 'GET',
  path: '/api/admin/contracts/{contractNumber}',
  summary: 'Staff: one support contract, with its status, its SLA level and the account that has it.',
  access: contractStaff,
  request: { path: contractPath },
  response: json(staffContractDetail),
});

/** What the staff form sends to create a contract; the web form checks the same schema. */
export const newContractInput = z.strictObject({
  contractNumber: contractNumberSchema,
  product: productSchema,
  sla: z.enum(SLA_LEVELS),
  startsOn: contractDateSchema,
  endsOn: contractDateSchema,
  /** Assign the contract to this account now (no activation code); without it the contract waits to be claimed. */
  accountId: z.optional(accountIdSchema),
});

export const createContract = contract({
  method: 'POST',
  path: '/api/admin/contracts',
  summary:
    'Staff: creates a support contract, unassigned (the answer carries its activation code, shown this once) or for an ' +
    'account (no code). 409 if the number exists; 400 if it ends before it starts.',
  access: contractStaff,
  audit: { action: 'contract.create', reason: 'none' },
  request: { body: newContractInput },
  response: json(
    z.strictObject({
      contract: staffContractDetail,
      activationCode: z.optional(z.string()),
    }),
    201,
  ),
});

export const regenerateActivationCode = contract({
  method: 'POST',
  path: '/api/admin/contracts/{contractNumber}/activation-code',
  summary:
    'Staff: a new activation code for an unclaimed contract, shown this once; the old code stops working. 409 once the ' +
    'contract is claimed.',
  access: contractStaff,
  // The audit records that a code was regenerated, never the code.
  audit: { action: 'contract.regenerate-code', reason: 'optional' },
  request: { path: contractPath, body: z.strictObject({ reason: z.optional(auditReason) }) },
  response: json(z.strictObject({ contractNumber: z.string(), activationCode: z.string(), codeIssuedAt: timestamp }), 201),
});

/** What the staff edit form sends: any of the term, the SLA level and the product, and why (optional). */
export const contractEditInput = z.strictObject({
  product: z.optional(productSchema),
  sla: z.optional(z.enum(SLA_LEVELS)),
  startsOn: z.optional(contractDateSchema),
  endsOn: z.optional(contractDateSchema),
  reason: z.optional(auditReason),
});

export const updateContract = contract({
  method: 'PATCH',
  path: '/api/admin/contracts/{contractNumber}',
  summary:
    'Staff: changes a support contract’s dates, SLA level or product (the claimed account sees the new term). 400 if it ' +
    'would end before it starts.',
  access: contractStaff,
  audit: { action: 'contract.update', reason: 'optional' },
  request: { path: contractPath, body: contractEditInput },
  response: json(staffContractDetail),
});
