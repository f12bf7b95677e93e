/**
 * The port a tunnel points at (`--stub-port`): it forwards a request only to a stub the run
 * registered, under that stub's unguessable key, and answers anything else itself.
 */
import { expect, test } from '@playwright/test';
import { HttpStub } from '../../suites/drivers/http-stub';
import { type CallOutGateway, startCallOutGateway } from '../../targets/public-url/gateway';
import { publishThrough } from '../../targets/public-url/stub-registry';
import { checkPublicUrl } from '../../targets/public-url/validate';
import { scratchDir } from '../scratch';

let gateway: CallOutGateway;
let stub: HttpStub;
let stateDir: string;

test.beforeEach(async () => {
  stateDir = scratchDir('gateway');
  gateway = await startCallOutGateway(0, stateDir);
  stub = await HttpStub.start();
  stub.respond('/hook', (request) => ({ status: 200, body: `seen ${request.query.get('x')}` }));
});
test.afterEach(async () => {
  await stub.close();
  await gateway.close();
});

const local = (path: string) => `http://127.0.0.1:${gateway.port}${path}`;

test('a request under a registered key reaches that stub, key removed, method, query and body kept', async () => {
  const published = publishThrough('https://tunnel.example.net/suite', stateDir)(stub.port);
  const key = published.url.split('/').at(-1);
  expect(published.url).toMatch(/^https:\/\/tunnel\.example\.net\/suite\/[0-9a-f]{32}$/);
  const response = await fetch(local(`/${key}/hook?x=1`), { method: 'POST', body: 'a=b' });
  expect([response.status, await response.text()]).toEqual([200, 'seen 1']);
  expect(stub.requests.map((request) => [request.method, request.path, request.body])).toEqual([
    ['POST', '/hook', 'a=b'],
  ]);
});

for (const path of ['/', '/0123456789abcdef0123456789abcdef/hook', '/../hook', '/%2e%2e/hook']) {
  test(`${path} reaches no stub: 404`, async () => {
    publishThrough('https://tunnel.example.net', stateDir)(stub.port);
    const response = await fetch(local(path));
    expect(response.status).toBe(404);
    expect(stub.requests).toEqual([]);
  });
}

test('a released key reaches nothing any more', async () => {
  const published = publishThrough('https://tunnel.example.net', stateDir)(stub.port);
  const key = published.url.split('/').at(-1);
  published.release();
  expect((await fetch(local(`/${key}/hook`))).status).toBe(404);
});

test('a stub that is gone answers 502, not a hang', async () => {
  const published = publishThrough('https://tunnel.example.net', stateDir)(stub.port);
  await stub.close();
  const response = await fetch(local(`/${published.url.split('/').at(-1)}/hook`));
  expect(response.status).toBe(502);
  stub = await HttpStub.start();
});

test('--public-url is kept without its trailing slash, and refused for loopback, private and plain http', () => {
  expect(checkPublicUrl('https://abc.ngrok.app/')).toBe('https://abc.ngrok.app');
  for (const refused of [
    'http://abc.ngrok.app',
    'https://127.0.0.1',
    'https://10.1.2.3',
    'https://172.20.0.1',
    'https://169.254.1.1',
    'https://[::1]',
    'https://app.localhost',
    'https://user:pw@abc.ngrok.app',
  ])
    expect(() => checkPublicUrl(refused), refused).toThrow(/--public-url/);
});
