// `npm run bench` invokes every handler of the route and worker tables with an event from test/bench/events.ts; a
// handler without one used to stop the bench after its builds and warm runs. This keeps the next one from getting in.

import { describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { BENCH_FILES_BUCKET, benchEvents, handlersWithoutEvent, inboundReplyMail } from '../bench/events.ts';

const ids = { licenceId: 'licence-1', orderId: 'order-1', subscriptionId: 'subscription-1', ticketNumber: 7 };
const events = benchEvents(ids);
const eventOf = (handler: string) => JSON.parse(events.get(handler) ?? 'null') as Record<string, unknown>;

describe('the bench events', () => {
  it('cover every HTTP route and every worker of the tables', () => {
    const handlers = [...routes, ...workers].map((entry) => entry.handler);
    expect(handlers.filter((handler) => !events.has(handler))).toEqual([]);
    expect(handlersWithoutEvent(handlers)).toEqual([]);
  });

  it('name every handler the bench has no event for, all at once', () => {
    expect(handlersWithoutEvent(['licences/get-licence', 'nowhere/first', 'nowhere/second'])).toEqual(['nowhere/first', 'nowhere/second']);
  });

  it.each(routes.map((route) => [route.handler, route] as const))(
    '%s gets an API Gateway HTTP API event of its route',
    (handler, route) => {
      const event = eventOf(handler) as {
        routeKey: string;
        rawPath: string;
        pathParameters?: Record<string, string>;
        requestContext: { http: { method: string } };
      };
      expect(event.routeKey).toBe(`${route.method} ${route.path}`);
      expect(event.requestContext.http.method).toBe(route.method);
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(event.pathParameters ?? {})).toEqual(names);
      expect(event.rawPath).not.toContain('{');
    },
  );

  it("fills a path parameter the route's input leaves out with the demo data's id of that name", () => {
    const event = eventOf('ticket-thread/get-ticket') as { pathParameters: Record<string, string> };
    expect(event.pathParameters).toEqual({ ticketNumber: '7' });
    expect((eventOf('admin/get-customer') as { rawPath: string }).rawPath).toContain('/demo-nordwind');
  });

  it.each(workers.map((worker) => [worker.handler, worker] as const))('%s gets the event its trigger delivers', (handler, worker) => {
    const event = eventOf(handler);
    const trigger = worker.trigger;
    switch (trigger.kind) {
      case 'mail-queue':
        expect(event.Records).toEqual([expect.objectContaining({ eventSource: 'aws:sqs' })]);
        break;
      case 'ses-feedback':
        expect(event).toMatchObject({ source: 'aws.ses', detail: { eventType: 'Bounce' } });
        break;
      case 'cognito':
        // Cognito names the trigger source after the operation (CustomMessage_..., DefineAuthChallenge_...).
        expect(event.triggerSource).toMatch(new RegExp(`^${trigger.operation}_`));
        expect(event.userPoolId).toMatch(trigger.pool === 'staff' ? /Staff$/ : /Customer$/);
        break;
      case 's3-inbound-mail':
        expect(event.Records).toEqual([
          expect.objectContaining({
            eventSource: 'aws:s3',
            s3: expect.objectContaining({ bucket: expect.objectContaining({ name: BENCH_FILES_BUCKET }) }),
          }),
        ]);
        expect((event.Records as Array<{ s3: { object: { key: string } } }>)[0]!.s3.object.key).toMatch(/^inbound\//);
        break;
      case 'schedule':
        expect(event).toEqual({});
        break;
    }
  });

  it('serves the inbound worker a reply whose Message-ID differs per stored object', () => {
    const first = inboundReplyMail('inbound/bench-a1', 'reply+7-abc@reply.example');
    const second = inboundReplyMail('inbound/bench-b2', 'reply+7-abc@reply.example');
    expect(first).toContain('To: <reply+7-abc@reply.example>');
    expect(first.match(/^Message-ID: (.*)$/m)?.[1]).not.toBe(second.match(/^Message-ID: (.*)$/m)?.[1]);
  });
});
