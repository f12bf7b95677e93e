import { request as httpRequest } from 'node:http';
import { text } from 'node:stream/consumers';
import nock from 'nock';
import { domains, forwardedHostHeader, twilioHost } from '../../../contracts/domains';

/**
 * nock standing in for Twilio's hosts: every request to https://<domain>.twilio.com is answered by
 * the simulated account on loopback, and any other host is refused (net connect is disabled except
 * for loopback). What the suite sends is exactly what it would send to Twilio.
 */
/** Headers of the connection, not of the request: the forwarder sets its own. */
const notForwarded = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export function interceptTwilio(simulatorUrl: string): void {
  lockDownNetwork();
  for (const domain of domains) {
    const host = twilioHost(domain);
    for (const method of ['GET', 'POST', 'DELETE']) {
      nock(`https://${host}`)
        .persist()
        .intercept(() => true, method)
        .reply(async function (this: nock.ReplyFnContext, path: string, body: nock.Body) {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(this.req.headers)) {
            if (!notForwarded.has(name)) headers[name] = String(value);
          }
          // nock hands over a JSON body parsed; Twilio's form bodies arrive as the string sent
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          const answer = await forward(simulatorUrl, host, method, path, text, headers);
          return [answer.status, answer.text, answer.headers];
        });
    }
  }
}

/** Nothing beyond loopback: any other host fails with nock's "Disallowed net connect". */
export function lockDownNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
}

/** Removes the interceptors; the network stays closed beyond loopback for the rest of the process. */
export function stopIntercepting(): void {
  nock.cleanAll();
}

function forward(
  simulatorUrl: string,
  host: string,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL(path, simulatorUrl),
      {
        method,
        headers: { ...headers, [forwardedHostHeader]: host, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        text(response).then((body) => {
          const kept: Record<string, string> = {};
          for (const name of ['content-type', 'retry-after']) {
            const value = response.headers[name];
            if (typeof value === 'string') kept[name] = value;
          }
          resolve({ status: response.statusCode ?? 502, text: body, headers: kept });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
