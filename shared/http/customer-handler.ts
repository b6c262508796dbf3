// The handler of a customer route: the shared handler (shared/http/handler.ts) plus the customer's resolution, once per
// request, checked against the roles the contract declares: who, for which of their accounts, in which role, from an
// allowed address (shared/accounts/customer-caller.ts). The handler receives it as `customer`.

import type { Context } from 'aws-lambda';
import { customerCaller } from '#shared/accounts/customer-caller.ts';
import type { Contract, RouteAccess } from '#shared/api/contract.ts';
import { buildHttpHandler, type HttpEvent, type HttpResult, type Parsed, type ReplyFor } from '#shared/http/handler.ts';

type CustomerContract = Contract & { access: Extract<RouteAccess, { pool: 'customer' }> };

export function customerHttpHandler<C extends CustomerContract>(
  contract: C,
  handle: (request: Parsed<C>) => Promise<ReplyFor<C['response']>>,
): (event: HttpEvent, context: Context) => Promise<HttpResult> {
  return buildHttpHandler(contract, handle, customerCaller);
}
