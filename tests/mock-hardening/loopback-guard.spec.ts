import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { callOut, isLoopbackUrl, onThisMachine, throughPublicUrl } from '../../mock/core/call-outs';

/** Self-tests of the guard that keeps the mock's call-outs on this machine, and of where a cloud platform's call-outs land. */

for (const url of [
  'http://127.0.0.1:8080/hook',
  'http://127.1.2.3/',
  'http://localhost:3000/',
  'http://[::1]:9/',
]) {
  test(`${url} is loopback`, () => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
}

for (const url of [
  'http://127.evil.example/',
  'http://127.0.0.1.evil.example/',
  'http://localhost.evil.example/',
  'http://10.0.0.1/',
  'http://127.0.0.256/',
  'ftp://127.0.0.1/',
]) {
  test(`${url} is not loopback`, () => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
}

test.describe('redirects of a call-out', () => {
  let server: Server;
  let origin: string;
  const seen: string[] = [];

  test.beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      const redirects: Record<string, string> = {
        '/off': 'http://203.0.113.7/collect',
        '/named': 'http://127.evil.example/collect',
        '/on': '/landed',
      };
      const location = redirects[request.url ?? ''];
      if (location) response.writeHead(302, { location }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('landed');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const path of ['/off', '/named']) {
    test(`a redirect off loopback (${path}) is not followed: the 302 is the answer`, async () => {
      const response = await callOut(onThisMachine, `${origin}${path}`, { method: 'GET' });
      expect(response.status).toBe(302);
    });
  }

  test('a redirect that stays on loopback is followed, a POST becoming a GET', async () => {
    seen.length = 0;
    const response = await callOut(onThisMachine, `${origin}/on`, { method: 'POST', body: 'a=1' });
    expect([response.status, await response.text(), seen]).toEqual([
      200,
      'landed',
      ['POST /on', 'GET /landed'],
    ]);
  });

  test('a URL off loopback is refused before any request', async () => {
    await expect(callOut(onThisMachine, 'http://203.0.113.7/', { method: 'GET' })).rejects.toThrow(
      /cannot reach/,
    );
  });
});

test.describe('call-outs of a platform in the cloud (the simulated account)', () => {
  const reach = throughPublicUrl('https://suite.example.net/tunnel', 'http://127.0.0.1:8787');

  test('a URL under the public URL lands on the tunnel end, path and query kept', () => {
    expect(reach.locate('https://suite.example.net/tunnel/abc/hook?x=1')).toBe(
      'http://127.0.0.1:8787/abc/hook?x=1',
    );
  });

  for (const url of [
    'http://127.0.0.1:8787/abc/hook',
    'http://localhost:8787/',
    'https://suite.example.net/tunnelled/abc',
    'https://suite.example.net.evil.example/tunnel/abc',
    'http://suite.example.net/tunnel/abc',
  ]) {
    test(`${url} is out of its reach`, () => {
      expect(reach.locate(url)).toBeUndefined();
    });
  }
});
