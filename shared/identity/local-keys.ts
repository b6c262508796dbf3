// Signing keys of the local identity adapter: generated once into a folder, the public halves published as JWKS.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { PoolName } from '#shared/config.ts';

export const LOCAL_POOLS: readonly PoolName[] = ['customer', 'staff'];
export const SIGNING_ALG = 'RS256';

function privatePath(dir: string, pool: PoolName) {
  return join(dir, `${pool}.private.jwk.json`);
}

/** Creates a key pair per pool unless one is there already (so tokens survive restarts). */
export async function ensureLocalKeys(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const pool of LOCAL_POOLS) {
    if (existsSync(privatePath(dir, pool))) continue;
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const jwk = await exportJWK(privateKey);
    jwk.kid = `${pool}-${Date.now().toString(36)}`;
    jwk.alg = SIGNING_ALG;
    jwk.use = 'sig';
    writeFileSync(privatePath(dir, pool), JSON.stringify(jwk), { mode: 0o600 });
  }
}

const privateKeys = new Map<string, { key: CryptoKey; kid: string }>();

export async function localSigningKey(dir: string, pool: PoolName): Promise<{ key: CryptoKey; kid: string }> {
  const path = privatePath(dir, pool);
  const cached = privateKeys.get(path);
  if (cached) return cached;
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  const loaded = { key: (await importJWK(jwk, SIGNING_ALG)) as CryptoKey, kid: jwk.kid ?? pool };
  privateKeys.set(path, loaded);
  return loaded;
}

/** The JWKS document the local issuer publishes: public parameters only. */
export function localJwks(dir: string, pool: PoolName): { keys: JWK[] } {
  const { kty, n, e, kid, alg, use } = JSON.parse(readFileSync(privatePath(dir, pool), 'utf8')) as JWK;
  return { keys: [{ kty, n, e, kid, alg, use }] };
}
