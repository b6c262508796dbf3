// Business metrics (Powertools, CloudWatch embedded metric format) in the namespace POWERTOOLS_METRICS_NAMESPACE
// (Atrium/<stage>). Only the handlers where these events happen import this, so other bundles stay lean.
// Locally POWERTOOLS_DEV is set, which turns emission off.

import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const metrics = new Metrics({ serviceName: 'atrium' });

export type BusinessMetric =
  | 'SignInCodeSent'
  | 'SignInRejected'
  | 'SignInCompleted'
  | 'SignInCodeRejected'
  | 'MailQueued'
  | 'MailSent'
  | 'MailSkippedSuppressed'
  | 'MailDeliveryFailed'
  | 'MailAddressSuppressed';

/** Counts one event now (a metric per call; these handlers record one or two per invocation). */
export function countMetric(name: BusinessMetric, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}
