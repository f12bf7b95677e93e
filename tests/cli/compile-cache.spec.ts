import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { enableCompileCache } from '../../cli/compile-cache.mjs';

const root = '/opt/flex-conformance';

/** A Node with a compile cache, recording the folders it was given. */
function nodeWithCache() {
  const enabled: string[] = [];
  return { enabled, node: { enableCompileCache: (directory: string) => enabled.push(directory) } };
}

test.describe("Node's compile cache for the CLI and the processes it starts", () => {
  test('kept under node_modules/.cache, for this process and (through NODE_COMPILE_CACHE) its children', () => {
    const { enabled, node } = nodeWithCache();
    const env: NodeJS.ProcessEnv = {};
    const folder = join(root, 'node_modules', '.cache', 'flex-conformance', 'compile');
    expect(enableCompileCache(root, env, node)).toBe(folder);
    expect(env.NODE_COMPILE_CACHE).toBe(folder);
    expect(enabled).toEqual([folder]);
  });

  test('a folder the environment names is the one used', () => {
    const { enabled, node } = nodeWithCache();
    const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: '/var/cache/node' };
    expect(enableCompileCache(root, env, node)).toBe('/var/cache/node');
    expect(enabled).toEqual(['/var/cache/node']);
  });

  test('NODE_DISABLE_COMPILE_CACHE leaves it off', () => {
    const { enabled, node } = nodeWithCache();
    const env: NodeJS.ProcessEnv = { NODE_DISABLE_COMPILE_CACHE: '1' };
    expect(enableCompileCache(root, env, node)).toBeUndefined();
    expect(env.NODE_COMPILE_CACHE).toBeUndefined();
    expect(enabled).toEqual([]);
  });

  test('a Node without the cache (20) is left as it is', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(enableCompileCache(root, env, {})).toBeUndefined();
    expect(env).toEqual({});
  });
});
