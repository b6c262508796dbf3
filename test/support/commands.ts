// Counting the DynamoDB commands a step sends, for tests that hold a use case to a bounded number of reads and writes.

import { vi } from 'vitest';
import { db } from '#shared/db/client.ts';

/** Counts the DynamoDB commands sent while `step` runs, by kind (the client's `send` spied, then restored). */
export async function countingCommands<T>(step: () => Promise<T>): Promise<{ result: T; commands: Record<string, number> }> {
  const commands: Record<string, number> = {};
  const client = db();
  const send = client.send.bind(client);
  vi.spyOn(client, 'send').mockImplementation(((command: { constructor: { name: string } }, ...rest: unknown[]) => {
    commands[command.constructor.name] = (commands[command.constructor.name] ?? 0) + 1;
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as never);
  const result = await step();
  vi.restoreAllMocks();
  return { result, commands };
}
