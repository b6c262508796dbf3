// Demo tickets for the staff queue (issue #13): two tickets of the Nordwind demo account, so `npm start` and the
// browser tests have a queue to look at. Written once, the first time the ticket counter is found empty: a later seed
// leaves them (and what staff did with them) alone.

import { GetCommand, TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { type Ticket, ticketItem } from '#shared/tickets/model.ts';

const NORDWIND = {
  accountId: 'demo-nordwind',
  accountName: 'Nordwind Systems Sp. z o.o.',
  requester: { userId: '7c1e0d2a-0000-4000-8000-00000000a001', email: 'anna@nordwind.example', name: 'Anna Nowak' },
};

export async function seedDemoTickets(): Promise<void> {
  const counter = await db().send(new GetCommand({ TableName: tableName(), Key: keys.ticketCounter(), ConsistentRead: true }));
  if (counter.Item) return;
  const at = '2026-11-02T08:30:00.000Z';
  const tickets: Ticket[] = [
    {
      ticketNumber: 1,
      ...NORDWIND,
      kind: 'administrative',
      relation: 'billing',
      subject: 'Invoice for the support renewal',
      description: 'Please send the invoice for the **support renewal** to our accounting department.',
      priority: 'normal',
      status: 'new',
      createdAt: at,
      updatedAt: at,
      messageCount: 0,
    },
    {
      ticketNumber: 2,
      ...NORDWIND,
      kind: 'administrative',
      relation: 'licensing',
      subject: 'Move a licence to a new server',
      description: 'We replace our gateway next week. How do we move the licence?',
      priority: 'high',
      status: 'open',
      createdAt: '2026-11-03T10:00:00.000Z',
      updatedAt: '2026-11-03T10:00:00.000Z',
      messageCount: 0,
    },
  ];
  // A concurrent first seed (or a ticket numbered meanwhile) wins: the condition on the counter fails, nothing is written.
  await db()
    .send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.ticketCounter(), value: tickets.length },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...tickets.map((ticket) => ({ Put: { TableName: tableName(), Item: ticketItem(ticket) } })),
        ],
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'TransactionCanceledException') throw error;
    });
}
