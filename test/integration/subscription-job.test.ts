// The daily subscription job against DynamoDB Local and the local mail server: reminders 30/7/1 days ahead each once
// (and only the nearest of several missed), due -> overdue -> suspended with their mails, a cancelled subscription
// ending at paid-until, a downgrade applied at the period's end, auto-renew failing on a short balance (and mailing to
// top up), a second run on the same day (or two at once) changing and mailing nothing more, and the worker with `at`.

import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { handler as jobWorker } from '#functions/subscription-job/run-subscription-job.ts';
import { db } from '#shared/db/client.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { tableName } from '#shared/db/client.ts';
import { money } from '#shared/money.ts';
import { listSubscriptionEvents, type SubscriptionEvent } from '#shared/subscriptions/events.ts';
import { noChanges, runSubscriptionJob, type SubscriptionJobOptions } from '#shared/subscriptions/daily-job.ts';
import { getSubscription, type Subscription, subscriptionKey } from '#shared/subscriptions/model.ts';
import { addDays, addPeriods } from '#shared/subscriptions/periods.ts';
import { createCustomer } from '../support/api.ts';
import { customerWithCart } from '../support/shopper.ts';
import { mailsTo, type StoredMail } from '../support/mailbox.ts';
import { putTestSubscription, type TestSubscription } from '../support/subscriptions.ts';
import { countingCommands } from '../support/commands.ts';
import { giveBalance, testBalance as balancePln } from '../support/balances.ts';

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

/** Each test lives on its own days, later than the tests before it (the schedule is shared by the whole table). */
let base = new Date('2027-01-01T03:15:00.000Z');
function nextBase(): Date {
  base = addDays(base, 400);
  return base;
}

afterEach(() => vi.restoreAllMocks());

async function customerWith(input: TestSubscription, buyer = false): Promise<{ email: string; subscription: Subscription }> {
  // A buyer: an account in Poland with its billing address, which buys in PLN (auto-renew places its order).
  const customer = buyer ? await customerWithCart([]) : await createCustomer([]);
  const subscription = await putTestSubscription(customer.account.accountId, input);
  return { email: customer.login.email, subscription };
}

async function historyOf(subscription: Subscription): Promise<SubscriptionEvent[]> {
  return (await listSubscriptionEvents(subscription.accountId, subscription.subscriptionId, { limit: 100 })).items.reverse();
}

const reread = (subscription: Subscription) => getSubscription(subscription.accountId, subscription.subscriptionId);
const mailsOf = (email: string): Promise<StoredMail[]> => mailsTo(inject('mailUrl'), email);
const run = (at: Date, options: Partial<SubscriptionJobOptions> = {}) => runSubscriptionJob({ at, ...options });

describe('reminders', () => {
  it('mails 30, 7 and 1 days before paid-until, each once, and marks it due 7 days before', async () => {
    const start = nextBase();
    const paidUntil = addDays(start, 40);
    const { email, subscription } = await customerWith({ paidUntil: paidUntil.toISOString() });

    expect((await run(addDays(start, 9))).reminded).toBe(0);
    expect(await mailsOf(email)).toHaveLength(0);

    const first = await run(addDays(start, 10));
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await reread(subscription)).remindersSent).toEqual([30]);
    const mails = await mailsOf(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Managed Hosting Business \(203\.0\.113\.10\): paid until/);
    expect(mails[0]!.body.text).toContain('30 days left');
    expect(mails[0]!.body.text).toContain('net for a month');
    expect(mails[0]!.body.text).toContain(`/services/${subscription.subscriptionId}`);

    await run(addDays(start, 10));
    await run(addDays(start, 33));
    await run(addDays(start, 33));
    await run(addDays(start, 39));
    await run(addDays(start, 39));

    const after = await reread(subscription);
    expect(after.remindersSent).toEqual([30, 7, 1]);
    expect(after.status).toBe('due');
    const reminders = await mailsOf(email);
    expect(reminders.map((mail) => /(\d+) days? left/.exec(mail.body.text ?? '')?.[1])).toEqual(['30', '7', '1']);
    const history = await historyOf(subscription);
    expect(history.map((event) => [event.kind, event.days ?? event.status?.to])).toEqual([
      ['reminded', 30],
      ['reminded', 7],
      ['status-changed', 'due'],
      ['reminded', 1],
    ]);
    expect(history.every((event) => event.by === 'job')).toBe(true);
  });

  it('of several missed reminders mails only the nearest, and marks them all sent', async () => {
    const start = nextBase();
    const { email, subscription } = await customerWith({ paidUntil: addDays(start, 5).toISOString() });

    await run(start);

    const after = await reread(subscription);
    expect(after.remindersSent.sort((a, b) => a - b)).toEqual([7, 30]);
    expect(after.status).toBe('due');
    const mails = await mailsOf(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('5 days left');
    expect((await historyOf(subscription)).filter((event) => event.kind === 'reminded').map((event) => event.days)).toEqual([7]);
  });
});

describe('due, overdue, suspended', () => {
  it('marks an unpaid subscription overdue at paid-until and suspended 14 days later, mailing each once', async () => {
    const start = nextBase();
    const paidUntil = addDays(start, 0.5);
    const { email, subscription } = await customerWith({ paidUntil: paidUntil.toISOString(), status: 'due', remindersSent: [30, 7, 1] });

    await run(start);
    await run(start);
    let after = await reread(subscription);
    expect(after.status).toBe('overdue');
    const overdue = await mailsOf(email);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.subject).toMatch(/the paid period has ended/);
    expect(overdue[0]!.body.text).toMatch(/or it will be suspended/);

    await run(addDays(start, 13));
    expect((await reread(subscription)).status).toBe('overdue');
    await run(addDays(start, 14));
    await run(addDays(start, 14));
    after = await reread(subscription);
    expect(after.status).toBe('suspended');
    expect(after.nextActionOn).toBeUndefined();
    const mails = await mailsOf(email);
    expect(mails.map((mail) => mail.subject)).toEqual([overdue[0]!.subject, expect.stringMatching(/is suspended$/)]);
    expect((await historyOf(subscription)).map((event) => `${event.status?.from}->${event.status?.to}`)).toEqual([
      'due->overdue',
      'overdue->suspended',
    ]);
  });

  it('catches up a long-missed subscription in one run with one mail: the latest state', async () => {
    const start = nextBase();
    const { email, subscription } = await customerWith({ paidUntil: addDays(start, -20).toISOString() });

    await run(start);

    const after = await reread(subscription);
    expect(after.status).toBe('suspended');
    expect((await historyOf(subscription)).filter((event) => event.kind === 'status-changed').map((event) => event.status?.to)).toEqual([
      'due',
      'overdue',
      'suspended',
    ]);
    const mails = await mailsOf(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/is suspended$/);
  });
});

describe('cancellations and pending plans', () => {
  it('ends a cancelled subscription at paid-until (not before), without a mail, and it leaves the schedule', async () => {
    const start = nextBase();
    const paidUntil = addDays(start, 3);
    const { email, subscription } = await customerWith({
      paidUntil: paidUntil.toISOString(),
      status: 'cancelled',
      cancelRequestedAt: start.toISOString(),
    });

    await run(addDays(start, 2));
    expect((await reread(subscription)).status).toBe('cancelled');
    await run(addDays(start, 3));

    const after = await reread(subscription);
    expect(after.status).toBe('ended');
    expect(after.endedAt).toBe(addDays(start, 3).toISOString());
    const item = await db().send(
      new GetCommand({ TableName: tableName(), Key: subscriptionKey(subscription.accountId, subscription.subscriptionId) }),
    );
    expect(item.Item?.GSI2PK).toBeUndefined();
    expect(await mailsOf(email)).toHaveLength(0);
    expect((await historyOf(subscription)).map((event) => [event.kind, event.status?.to])).toEqual([['status-changed', 'ended']]);
  });

  it('applies a downgrade waiting for the period end before marking it overdue, and the mail quotes the new price', async () => {
    const start = nextBase();
    const pendingPlan = { sku: 'MH-STA-1M', plan: 'Starter', users: 1, price: money(1900, 'PLN') };
    const { email, subscription } = await customerWith({
      paidUntil: addDays(start, 0.25).toISOString(),
      status: 'due',
      remindersSent: [30, 7, 1],
      pendingPlan,
    });

    const result = await run(start);

    expect(result.plansApplied).toBeGreaterThanOrEqual(1);
    const after = await reread(subscription);
    expect(after).toMatchObject({ sku: 'MH-STA-1M', plan: 'Starter', price: money(1900, 'PLN'), status: 'overdue' });
    expect(after.pendingPlan).toBeUndefined();
    expect((await historyOf(subscription)).map((event) => event.kind)).toEqual(['plan-changed', 'status-changed']);
    const [mail] = await mailsOf(email);
    expect(mail!.subject).toMatch(/^Managed Hosting Starter/);
    expect(mail!.body.text).toMatch(/19[.,]00/);
  });
});

describe('auto-renew', () => {
  it('renews one period from a sufficient balance when due: active again, paid-until a month later, paid once', async () => {
    const start = nextBase();
    const paidUntil = addDays(start, 7);
    const { email, subscription } = await customerWith(
      { paidUntil: paidUntil.toISOString(), remindersSent: [30, 7], autoRenew: true },
      true,
    );
    await giveBalance(subscription.accountId, 20_000);

    const [first, second] = await Promise.all([run(start), run(start)]);
    await run(start);

    expect(first.autoRenewed + second.autoRenewed).toBe(1);
    const after = await reread(subscription);
    expect(after).toMatchObject({
      status: 'active',
      paidUntil: addPeriods(paidUntil, subscription.period, 1).toISOString(),
      remindersSent: [],
    });
    // 49.00 net + 23 % VAT, once.
    expect(await balancePln(subscription.accountId)).toBe(20_000 - 6_027);
    const history = await historyOf(subscription);
    expect(history.map((event) => [event.kind, event.by])).toEqual([['renewed', 'payment']]);
    expect((await mailsOf(email)).filter((mail) => /could not renew/.test(mail.subject))).toHaveLength(0);
  });

  it('when the balance is short: records the failure once a day, mails to top up, and tries once more when overdue', async () => {
    const start = nextBase();
    const { email, subscription } = await customerWith(
      { paidUntil: addDays(start, 7).toISOString(), remindersSent: [30, 7], autoRenew: true },
      true,
    );
    await giveBalance(subscription.accountId, 1_000);

    const first = await run(start);
    await run(start);

    expect(first.autoRenewFailed).toBeGreaterThanOrEqual(1);
    let after = await reread(subscription);
    expect(after.status).toBe('due');
    expect(after.autoRenewFailedOn).toBe(start.toISOString().slice(0, 10));
    const failed = await mailsOf(email);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.subject).toMatch(/We could not renew Managed Hosting Business/);
    expect(failed[0]!.body.text).toMatch(/balance does not cover it/);
    expect(failed[0]!.body.text).toContain('/balance');

    await run(addDays(start, 7));
    after = await reread(subscription);
    expect(after.status).toBe('overdue');
    const mails = await mailsOf(email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body.text).toMatch(/We tried to renew it from your balance, but your balance does not cover it/);
    expect((await historyOf(subscription)).filter((event) => event.kind === 'auto-renew-failed')).toHaveLength(2);
    expect(await balancePln(subscription.accountId)).toBe(1_000);
  });

  it('when it may not be ordered (another currency than the account buys in): records it and asks to renew by hand', async () => {
    const start = nextBase();
    const { email, subscription } = await customerWith(
      {
        paidUntil: addDays(start, 7).toISOString(),
        remindersSent: [30, 7],
        autoRenew: true,
        price: money(4900, 'GBP'),
      },
      true,
    );

    const result = await run(start);

    expect(result.autoRenewFailed).toBeGreaterThanOrEqual(1);
    const [mail] = await mailsOf(email);
    expect(mail!.body.text).toMatch(/the renewal could not be ordered automatically/);
    expect(await reread(subscription)).toMatchObject({ status: 'due', autoRenewFailedOn: start.toISOString().slice(0, 10) });
  });
});

describe('idempotence', () => {
  it('a second run on the same day reads, writes and mails nothing', async () => {
    const start = nextBase();
    const people = await Promise.all([
      customerWith({ paidUntil: addDays(start, 30).toISOString() }),
      customerWith({ paidUntil: addDays(start, 7).toISOString(), remindersSent: [30] }),
      customerWith({ paidUntil: start.toISOString(), status: 'due', remindersSent: [30, 7, 1] }),
      customerWith({ paidUntil: addDays(start, -14).toISOString(), status: 'overdue', remindersSent: [30, 7, 1] }),
      customerWith({ paidUntil: start.toISOString(), status: 'cancelled' }),
    ]);

    const first = await run(start);
    const mailsAfterFirst = await Promise.all(people.map(({ email }) => mailsOf(email)));
    const second = await countingCommands(() => run(start));

    expect(first.examined).toBeGreaterThanOrEqual(5);
    expect(mailsAfterFirst.map((mails) => mails.length)).toEqual([1, 1, 1, 1, 0]);
    expect(second.result).toEqual({ ...noChanges(), pages: 4, more: false });
    expect(second.commands).toEqual({ QueryCommand: 4 });
    expect((await Promise.all(people.map(({ email }) => mailsOf(email)))).map((mails) => mails.length)).toEqual([1, 1, 1, 1, 0]);
  });

  it('two runs at once change and mail each subscription once (the losing write is skipped)', async () => {
    const start = nextBase();
    const people = await Promise.all(
      Array.from({ length: 6 }, () => customerWith({ paidUntil: start.toISOString(), status: 'due', remindersSent: [30, 7, 1] })),
    );

    const runs = await Promise.all([run(start), run(start)]);

    expect(runs[0]!.markedOverdue + runs[1]!.markedOverdue).toBeGreaterThanOrEqual(6);
    for (const { email, subscription } of people) {
      expect((await reread(subscription)).status).toBe('overdue');
      expect(await historyOf(subscription)).toHaveLength(1);
      expect(await mailsOf(email)).toHaveLength(1);
    }
  });
});

describe('bounds', () => {
  it('stops when the invocation runs out of time, and the next run goes on', async () => {
    const start = nextBase();
    const { subscription } = await customerWith({ paidUntil: start.toISOString(), status: 'cancelled' });

    const late = await run(start, { timeLeftMs: () => 1_000 });
    expect(late).toMatchObject({ examined: 0, pages: 0, more: true });
    expect((await reread(subscription)).status).toBe('cancelled');

    const next = await run(start, { timeLeftMs: () => 60_000 });
    expect(next.more).toBe(false);
    expect((await reread(subscription)).status).toBe('ended');
  });
});

describe('the worker', () => {
  it('runs the job for the day given as `at`, and refuses an event with a bad `at`', async () => {
    const start = nextBase();
    const { subscription } = await customerWith({ paidUntil: start.toISOString(), status: 'cancelled' });

    const result = await jobWorker({ at: start.toISOString() }, context);

    expect(result.ended).toBeGreaterThanOrEqual(1);
    expect(result.more).toBe(false);
    expect((await reread(subscription)).status).toBe('ended');
    await expect(jobWorker({ at: 'tomorrow' }, context)).rejects.toThrow(/ISO instant/);
  });
});
