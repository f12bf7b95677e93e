import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The run's stubs that the public URL may reach, shared by the run's processes through its state
 * folder: a worker registers its stub's loopback port under an unguessable key, the gateway reads it.
 * Only a registered key is forwarded, and only to the port its own run wrote.
 */
const registryDir = (stateDir: string) => join(stateDir, 'public-stubs');
const keyPattern = /^[0-9a-f]{32}$/;

export function registerStub(stateDir: string, port: number): { key: string; release(): void } {
  const key = randomBytes(16).toString('hex');
  mkdirSync(registryDir(stateDir), { recursive: true });
  const file = join(registryDir(stateDir), key);
  writeFileSync(file, String(port));
  return { key, release: () => rmSync(file, { force: true }) };
}

/** The loopback port registered under `key`, or undefined. */
export function registeredPort(stateDir: string, key: string): number | undefined {
  if (!keyPattern.test(key)) return undefined;
  try {
    const port = Number(readFileSync(join(registryDir(stateDir), key), 'utf8'));
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

/** A stub as the target's platform reaches it: through `--public-url`, under the stub's own key. */
export interface PublishedStub {
  readonly url: string;
  release(): void;
}

export function publishThrough(publicUrl: string, stateDir: string) {
  return (port: number): PublishedStub => {
    const { key, release } = registerStub(stateDir, port);
    return { url: `${publicUrl.replace(/\/+$/, '')}/${key}`, release };
  };
}
