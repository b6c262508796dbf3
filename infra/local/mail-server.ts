// The local SES v2 server (aws-ses-v2-local): every mail Atrium sends, readable at / and as JSON at /store.

import type { Server } from 'node:http';
import { createRequire } from 'node:module';

// A CommonJS package; require() reads its default export the same way under tsx, Vite and Node.
const { default: startSesServer } = createRequire(import.meta.url)('aws-ses-v2-local') as {
  default: (config: { host: string; port: number }) => Promise<Server>;
};

export function startMailServer(port: number): Promise<Server> {
  return startSesServer({ host: '127.0.0.1', port });
}
