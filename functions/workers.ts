// The worker table: every function that is not an HTTP route, once. CDK builds each function, its trigger and its
// least-privilege grants from these entries, as it does for the route table (functions/routes.ts).

import type { TableAccess } from '#functions/routes.ts';

/** The user pool triggers Atrium implements (the names of the pool's LambdaConfig properties). */
export type CognitoTriggerOperation = 'DefineAuthChallenge' | 'CreateAuthChallenge' | 'VerifyAuthChallengeResponse' | 'CustomMessage';

export type WorkerTrigger =
  /** Messages of the mail queue (SQS, with a dead-letter queue after 5 failed receives). */
  | { kind: 'mail-queue' }
  /** SES bounce and complaint events of the stage's configuration set, through EventBridge. */
  | { kind: 'ses-feedback' }
  /** A user pool trigger: Cognito invokes the function synchronously and waits at most 5 seconds for its answer. */
  | { kind: 'cognito'; pool: 'customer' | 'staff'; operation: CognitoTriggerOperation }
  /** A mail SES received and stored under `inbound/` in the files bucket (S3 ObjectCreated, asynchronous). */
  | { kind: 's3-inbound-mail' }
  /**
   * A timetable: EventBridge Scheduler invokes the function (asynchronously, retried, failures to the jobs' dead-letter
   * queue); locally the runtime runs it on a timer (infra/local/scheduled-jobs.ts). `rate(...)` or `cron(...)` in UTC.
   */
  | { kind: 'schedule'; expression: ScheduleExpressionText };

/** EventBridge Scheduler's expressions: `rate(1 hour)`, `rate(15 minutes)`, `cron(15 2 * * ? *)` (UTC). */
export type ScheduleExpressionText = `rate(${number} ${'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days'})` | `cron(${string})`;

export interface Worker {
  /** Module under functions/, without extension; it exports `handler`. */
  handler: string;
  trigger: WorkerTrigger;
  table: TableAccess;
  /** Seconds a run may take when the stage's default (10 s) is too short: a job working through bounded pages. */
  timeoutSeconds?: number;
  /** Hands e-mail to SES itself (the mail worker). */
  sendsMail?: boolean;
  /** Queues e-mail with sendMail (shared/mail/send.ts), as routes that send mail do. */
  queuesMail?: boolean;
  /** Calls the user pools' admin API, as the route field of the same name. */
  identityAdmin?: boolean;
  /** Signs or checks ticket reply addresses (shared/tickets/reply-address.ts), as the route field of the same name. */
  ticketReplies?: boolean;
}

export const workers: readonly Worker[] = [
  { handler: 'workers/deliver-mail', trigger: { kind: 'mail-queue' }, table: 'none', sendsMail: true },
  { handler: 'workers/record-mail-feedback', trigger: { kind: 'ses-feedback' }, table: 'read-write' },
  // -- ticket-mail: replies by e-mail append to the ticket (issue #13) --
  {
    handler: 'ticket-mail/receive-reply',
    trigger: { kind: 's3-inbound-mail' },
    table: 'read-write',
    queuesMail: true,
    ticketReplies: true,
  },

  // Sign-in with e-mail + order number (Cognito custom auth), and the customer pool's e-mails in Atrium's words.
  {
    handler: 'identity/define-auth-challenge',
    trigger: { kind: 'cognito', pool: 'customer', operation: 'DefineAuthChallenge' },
    table: 'none',
  },
  {
    handler: 'identity/create-auth-challenge',
    trigger: { kind: 'cognito', pool: 'customer', operation: 'CreateAuthChallenge' },
    table: 'none',
    queuesMail: true,
  },
  {
    handler: 'identity/verify-auth-challenge',
    trigger: { kind: 'cognito', pool: 'customer', operation: 'VerifyAuthChallengeResponse' },
    table: 'read',
  },
  {
    handler: 'identity/custom-message',
    trigger: { kind: 'cognito', pool: 'customer', operation: 'CustomMessage' },
    table: 'none',
  },
  // The staff pool's e-mails: the invitation to set a first password, reset links to /admin, the sign-in code.
  {
    handler: 'identity/staff-custom-message',
    trigger: { kind: 'cognito', pool: 'staff', operation: 'CustomMessage' },
    table: 'none',
  },

  // -- sla --
  // The support desk's SLA jobs: mark passed due times and mail the assignee, keep the monthly report.
  { handler: 'sla/mark-sla-breaches', trigger: { kind: 'schedule', expression: 'rate(1 hour)' }, table: 'read-write', queuesMail: true },
  { handler: 'sla/refresh-sla-reports', trigger: { kind: 'schedule', expression: 'cron(15 2 * * ? *)' }, table: 'read-write' },
  // -- payments --
  // Shop orders still unpaid past their expiry become expired (partly paid ones are left for staff).
  { handler: 'payments/expire-orders', trigger: { kind: 'schedule', expression: 'rate(1 hour)' }, table: 'read-write' },
  // -- subscription-job --
  // Daily: renewal reminders, auto-renew from the balance, due -> overdue -> suspended, ends, downgrades at period end.
  // Five minutes a run (bounded pages of each schedule shard; it stops starting subscriptions 2.5 s before the end).
  {
    handler: 'subscription-job/run-subscription-job',
    trigger: { kind: 'schedule', expression: 'cron(15 3 * * ? *)' },
    table: 'read-write',
    queuesMail: true,
    timeoutSeconds: 300,
  },
];

/** The workers on a timetable, with their expressions (the local runtime's timers and the stack's schedules). */
export function scheduledWorkers(): Array<{ handler: string; expression: ScheduleExpressionText }> {
  return workers.flatMap((worker) =>
    worker.trigger.kind === 'schedule' ? [{ handler: worker.handler, expression: worker.trigger.expression }] : [],
  );
}

/** The functions Cognito invokes for one pool, by trigger operation. */
export function cognitoTriggers(pool: 'customer' | 'staff'): Array<{ operation: CognitoTriggerOperation; handler: string }> {
  return workers.flatMap((worker) =>
    worker.trigger.kind === 'cognito' && worker.trigger.pool === pool
      ? [{ operation: worker.trigger.operation, handler: worker.handler }]
      : [],
  );
}
