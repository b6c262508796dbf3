// Route contracts of subscriptions and the services pages (issue #15). The views are declared here for every area of
// services over time (renewals, plan changes, cancellations, the distributor's view); the services area adds its routes.

import { moneySchema, timestamp } from '#shared/api/common.ts';
import { subscriptionEventFields, subscriptionFields } from '#shared/subscriptions/fields.ts';
import * as z from '#shared/validation.ts';

/** A subscription as the services pages show it (shared/subscriptions/model.ts SubscriptionView). */
export const subscriptionView = z.strictObject({ ...subscriptionFields(timestamp, moneySchema), daysLeft: z.number() });

/** One event of a subscription's history (shared/subscriptions/events.ts). */
export const subscriptionEventView = z.strictObject(subscriptionEventFields(timestamp, moneySchema));

export type SubscriptionViewBody = z.infer<typeof subscriptionView>;
