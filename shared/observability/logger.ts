// One structured logger per process (Powertools); the HTTP middleware adds the request id to every line.

import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({
  serviceName: 'atrium',
  logLevel: (process.env.LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
