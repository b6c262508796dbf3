// Business metrics (Powertools, CloudWatch embedded metric format) in the namespace POWERTOOLS_METRICS_NAMESPACE
// (Atrium/<stage>). Only the handlers where these events happen import this, so other bundles stay lean.
// Locally POWERTOOLS_DEV is set, which turns emission off.

import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { AppError } from '#shared/http/errors.ts';

// Built on first use, not at import: the local runtime imports this module (through the seed) before it sets
// POWERTOOLS_DEV, which Metrics reads once, when constructed.
let metrics: Metrics | undefined;

export type BusinessMetric =
  | 'SignInCodeSent'
  | 'SignInRejected'
  | 'SignInCompleted'
  | 'SignInCodeRejected'
  | 'SignUpCompleted'
  | 'SignUpRejected'
  | 'PasswordResetCompleted'
  | 'PasswordResetRejected'
  | 'MailQueued'
  | 'MailSent'
  | 'MailSkippedSuppressed'
  | 'MailDeliveryFailed'
  | 'MailAddressSuppressed'
  // The daily subscription job's run (shared/subscriptions/daily-job.ts): one of each per run.
  | 'SubscriptionJobExamined'
  | 'SubscriptionJobReminded'
  | 'SubscriptionJobMarkedDue'
  | 'SubscriptionJobMarkedOverdue'
  | 'SubscriptionJobSuspended'
  | 'SubscriptionJobEnded'
  | 'SubscriptionJobAutoRenewed'
  | 'SubscriptionJobAutoRenewFailed'
  | 'SubscriptionJobPlansApplied'
  | 'SubscriptionJobSkipped'
  | 'SubscriptionJobMore';

/** Counts one event now (a metric per call; these handlers record one or two per invocation). */
export function countMetric(name: BusinessMetric, value = 1): void {
  metrics ??= new Metrics({ serviceName: 'atrium' });
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}

/** Counts several events at once, published together as one EMF record (a job's run). */
export function countMetrics(values: Partial<Record<BusinessMetric, number>>): void {
  metrics ??= new Metrics({ serviceName: 'atrium' });
  for (const [name, value] of Object.entries(values)) metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}

/** Runs one step that a caller may be refused at (4xx), and counts how it ended: `ok`, or `rejected` when refused. */
export async function countOutcome<T>(step: () => Promise<T>, ok: BusinessMetric, rejected: BusinessMetric): Promise<T> {
  try {
    const result = await step();
    countMetric(ok);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) countMetric(rejected);
    throw error;
  }
}
