// The worker table: every function that is not an HTTP route, once. CDK builds each function, its trigger and its
// least-privilege grants from these entries, as it does for the route table (functions/routes.ts).

import type { TableAccess } from '#functions/routes.ts';

export type WorkerTrigger =
  /** Messages of the mail queue (SQS, with a dead-letter queue after 5 failed receives). */
  | { kind: 'mail-queue' }
  /** SES bounce and complaint events of the stage's configuration set, through EventBridge. */
  | { kind: 'ses-feedback' };

export interface Worker {
  /** Module under functions/, without extension; it exports `handler`. */
  handler: string;
  trigger: WorkerTrigger;
  table: TableAccess;
  sendsMail?: boolean;
}

export const workers: readonly Worker[] = [
  { handler: 'workers/deliver-mail', trigger: { kind: 'mail-queue' }, table: 'none', sendsMail: true },
  { handler: 'workers/record-mail-feedback', trigger: { kind: 'ses-feedback' }, table: 'read-write' },
];
