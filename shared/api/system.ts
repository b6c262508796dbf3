// Contracts of the system routes: the health check and the API's own description.

import { anyone, contract, json } from '#shared/api/contract.ts';
import * as z from '#shared/validation.ts';

export const getHealth = contract({
  method: 'GET',
  path: '/api/health',
  summary: 'Tells a load balancer, a smoke test or a person that the API answers.',
  access: anyone,
  request: {},
  response: json(z.strictObject({ status: z.literal('ok') })),
});

export const getOpenApi = contract({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API described as an OpenAPI 3.1 document, generated from the route contracts.',
  access: anyone,
  request: {},
  response: json(z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) })),
});
