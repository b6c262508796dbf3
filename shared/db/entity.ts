// Reading a stored item back into its entity: every entity module validates the items it reads with its zod schema, so
// an item whose stored shape drifted (an old writer, a hand edit, a bad import) stops with a clear error naming the
// entity, its key and the fields, instead of flowing on as `undefined`.

import type * as z from '#shared/validation.ts';

/** A table item as DynamoDB returns it: plain values. */
export type Item = Record<string, unknown>;

/** A stored item that does not have its entity's shape: a fault of the data, not of the request (500, logged). */
export class ItemShapeError extends Error {
  override readonly name = 'ItemShapeError';
  constructor(
    readonly entity: string,
    readonly key: { PK?: unknown; SK?: unknown },
    readonly problems: Array<{ path: string; message: string }>,
  ) {
    super(
      `A stored ${entity} item (PK ${String(key.PK)}, SK ${String(key.SK)}) does not have the expected shape: ` +
        problems.map((problem) => `${problem.path || '(item)'}: ${problem.message}`).join('; '),
    );
  }
}

/**
 * An entity's schema, built on its first use. zod builds schemas with calls esbuild must assume have side effects, so a
 * schema declared at module level would ride along into every bundle that imports the module for anything else (e.g.
 * `staffCaller` pulling the membership schema into the catalogue handler, +15 KB). A `lazySchema(() => z.object(...))`
 * call marked `@__PURE__` is dropped from bundles that never read the entity.
 */
export function lazySchema<S extends z.ZodMiniType>(build: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= build());
}

/**
 * The entity's own fields of a stored item, validated. Entity schemas are `z.object`s, which drop the attributes they
 * do not name, so keys, index attributes and `type` never leave the entity module.
 */
export function parseItem<S extends z.ZodMiniType>(entity: string, schema: () => S, item: Item): z.output<S> {
  const result = schema().safeParse(item);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ItemShapeError(entity, { PK: item.PK, SK: item.SK }, problems);
}
