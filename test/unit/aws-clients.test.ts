// Atrium talks to AWS only through the official SDK clients: no module of ours speaks an AWS wire protocol, and every
// client is built from the same options (region; a custom endpoint only locally).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientOptions, once } from '#shared/aws/client-options.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mjs|js)$/.test(file))
    .map((file) => join(dir, file));
}

describe('AWS clients', () => {
  it('leaves the AWS protocols to the SDK: no module of ours signs requests or names an X-Amz-Target', () => {
    const speaking = ['shared', 'functions', 'infra']
      .flatMap(sourceFiles)
      .filter((file) => /x-amz-target|signature-v4|AWS4-HMAC-SHA256/i.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(speaking).toEqual([]);
  });

  it('sets an endpoint only when one is configured, so AWS endpoints stay the SDK’s to resolve', () => {
    expect(clientOptions('eu-central-1')).toEqual({ region: 'eu-central-1', maxAttempts: 3 });
    expect(clientOptions('eu-central-1', 'http://127.0.0.1:8000')).toEqual({
      region: 'eu-central-1',
      maxAttempts: 3,
      endpoint: 'http://127.0.0.1:8000',
    });
  });

  it('builds a client once and hands the same one to every caller', () => {
    let built = 0;
    const client = once(() => {
      built += 1;
      return { id: built };
    });
    expect(client()).toBe(client());
    expect(built).toBe(1);
  });
});
