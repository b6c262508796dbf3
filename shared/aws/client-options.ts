// What every AWS SDK client of Atrium is built with. Each service module builds its one client on first use and keeps
// it for the life of the process (a Lambda execution environment): the endpoint must be known when the client is
// built, because a custom endpoint turns off the SDK's own endpoint resolution (partitions, FIPS, dual-stack), and
// `npm start` imports our modules before it points the environment at the local engines.

export interface ClientOptions {
  region: string;
  endpoint?: string;
  /** The SDK's standard retry strategy: 3 attempts with jittered backoff on throttling, 5xx and network errors. */
  maxAttempts: number;
}

/** The region; `endpoint` only locally (e.g. DynamoDB Local), so AWS endpoints stay the SDK's to resolve. */
export function clientOptions(region: string, endpoint?: string): ClientOptions {
  return { region, maxAttempts: 3, ...(endpoint ? { endpoint } : {}) };
}

/** A value built on the first call and shared by every later one. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
