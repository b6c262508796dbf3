// Describes this API as an OpenAPI 3.1 document, generated from the route table's contracts (docs/api.md).

import { routes } from '#functions/routes.ts';
import * as api from '#shared/api/system.ts';
import { openApiDocument } from '#shared/api/openapi.ts';
import { httpHandler } from '#shared/http/handler.ts';

// Built on first request and kept: the contracts do not change while the function lives.
let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = httpHandler(api.getOpenApi, async () => {
  document ??= openApiDocument(
    routes.map((route) => route.contract),
    { title: 'Atrium API', version: '1' },
  );
  return { body: document as { openapi: '3.1.0'; info: Record<string, unknown>; paths: Record<string, unknown> } };
});
