import { type Domain, domainOfHost } from '../../contracts/domains';
import type { Credentials, Target, TargetSession } from '../types';
import { basicAuthorization } from './credentials';
import { apiOperation } from './rate-limits';
import { defaultTimeoutMs } from './request-policy';
import { isConnectionFailure, TargetGone, type TargetHealth } from './target-health';
import { sendOnWire } from './transport';

export type FormValue = string | number | boolean;
export type Form = Readonly<Record<string, FormValue | undefined>>;

/** One HTTP exchange, kept as evidence for the report (credentials never recorded). */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly domain: Domain;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly status: number;
  readonly responseBody: string;
  readonly durationMs: number;
}

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly json: T;
}

export interface RequestOptions {
  readonly query?: Readonly<Record<string, FormValue | undefined>>;
  readonly form?: Form;
  /** `none` sends no Authorization header; a Credentials object sends other credentials. */
  readonly auth?: 'target' | 'none' | Credentials;
  /** Extra request headers, e.g. `X-Twilio-Webhook-Enabled: true` on a Conversations message. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Twilio's wire format over node:http and node:https: form-encoded bodies (spaces as %20,
 * booleans as true/false, as twilio-node sends them), HTTP Basic auth, the domain's base URL
 * and its X-Forwarded-Host header. Every exchange is recorded for the report.
 */
export class TwilioApi {
  readonly exchanges: Exchange[] = [];
  /** Requests that could not reach the target (connection refused, reset…, or not sent: it was gone), each attempt once. */
  readonly connectionFailures: string[] = [];
  /** Index in `exchanges` of the response the check read last (its status, body or headers). */
  private lastRead: number | undefined;
  /** Index in `exchanges` of the last response read when an assertion last failed (`noteFailedAssertion`). */
  private assertedOn: number | undefined;
  /** How many exchanges the check itself had sent when it ended, before its cleanup ran. */
  private checkEndedAt: number | undefined;

  constructor(
    readonly target: Target,
    /** The test's recording or replay session, when the target keeps one. */
    private readonly session?: TargetSession,
    /** Whether the run's target still answers (shared by the run's processes); absent: not watched. */
    private readonly health?: TargetHealth,
  ) {}

  /** An assertion failed: it is about the last response read so far (for a property, its last failing run wins). */
  noteFailedAssertion(): void {
    this.assertedOn = this.lastRead ?? (this.exchanges.length > 0 ? this.exchanges.length - 1 : undefined);
  }

  /** The check's own code is done; what follows (its cleanup) is not what it failed on. */
  noteCheckEnded(): void {
    this.checkEndedAt ??= this.exchanges.length;
  }

  /**
   * Index in `exchanges` of the exchange a failed check failed on: the one its failing assertion
   * was about, else its last request before cleanup. Undefined when it sent none.
   */
  failedOn(): number | undefined {
    if (this.assertedOn !== undefined) return this.assertedOn;
    const end = this.checkEndedAt ?? this.exchanges.length;
    return end > 0 ? end - 1 : undefined;
  }

  /** Requests (attempts, retries included) this client sent, per API: `flex-api /v1/FlexFlows create`. */
  readonly requestsByApi: Record<string, number> = {};

  get<T = Record<string, unknown>>(domain: Domain, path: string, options: RequestOptions = {}) {
    return this.send<T>('GET', domain, path, options);
  }

  post<T = Record<string, unknown>>(
    domain: Domain,
    path: string,
    form: Form = {},
    options: RequestOptions = {},
  ) {
    return this.send<T>('POST', domain, path, { ...options, form });
  }

  delete(domain: Domain, path: string, options: RequestOptions = {}) {
    return this.send('DELETE', domain, path, options);
  }

  /**
   * Requests an absolute URL the target handed out (a resource `url`, a paging `next_page_url`).
   * A URL on a Twilio host is sent to the target's base URL for that domain.
   */
  follow<T = Record<string, unknown>>(absoluteUrl: string, domain: Domain, options: RequestOptions = {}) {
    const url = new URL(absoluteUrl);
    const named = domainOfHost(url.host);
    const base = named ? this.target.baseUrl(named) : url.origin;
    return this.sendUrl<T>('GET', named ?? domain, base + url.pathname + url.search, options);
  }

  async send<T>(
    method: string,
    domain: Domain,
    path: string,
    options: RequestOptions,
  ): Promise<ApiResponse<T>> {
    const query = options.query ? `?${encodeForm(options.query)}` : '';
    return this.sendUrl<T>(method, domain, this.target.baseUrl(domain) + path + query, options);
  }

  private async sendUrl<T>(method: string, domain: Domain, url: string, options: RequestOptions) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.target.headers(domain),
      ...options.headers,
    };
    const auth = options.auth ?? 'target';
    if (auth !== 'none')
      headers.authorization = basicAuthorization(auth === 'target' ? this.target.credentials : auth);
    let data: string | undefined;
    if (options.form) {
      data = encodeForm(options.form);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const gone = this.health?.gone();
    if (gone) {
      const notSent = new TargetGone(gone);
      this.connectionFailures.push(notSent.message);
      throw notSent;
    }
    const started = performance.now();
    const sent = this.session?.outgoing?.(url, data) ?? { url, body: data };
    const response = await this.transmit(method, domain, sent.url, headers, sent.body);
    const received = response.text;
    const text = this.session?.incoming?.(received) ?? received;
    const { authorization: _secret, ...recordedHeaders } = headers;
    const redact = (value: string) => this.target.redact?.(value) ?? value;
    this.exchanges.push({
      method,
      url: redact(url),
      domain,
      requestHeaders:
        auth === 'none' ? recordedHeaders : { ...recordedHeaders, authorization: 'Basic [redacted]' },
      requestBody: data === undefined ? undefined : redact(data),
      status: response.status(),
      responseBody: redact(text.length > 4000 ? `${text.slice(0, 4000)}…` : text),
      durationMs: Math.round(performance.now() - started),
    });
    return this.readable<T>(this.exchanges.length - 1, response.status(), response.headers(), text);
  }

  /**
   * The response as the check sees it: reading any of it makes it the response the check read last.
   * The body is parsed when the check first reads `json`.
   */
  private readable<T>(
    index: number,
    status: number,
    headers: Readonly<Record<string, string>>,
    text: string,
  ): ApiResponse<T> {
    const markRead = () => {
      this.lastRead = index;
    };
    let body: { value: T } | undefined;
    return {
      get status() {
        markRead();
        return status;
      },
      get headers() {
        markRead();
        return headers;
      },
      get text() {
        markRead();
        return text;
      },
      get json() {
        markRead();
        body ??= { value: readsTracked(parseJson(text) as T, markRead) };
        return body.value;
      },
    };
  }

  /** One request through the target's request policy (pacing, retries, budget, timeout), each attempt recorded. */
  private transmit(
    method: string,
    domain: Domain,
    url: string,
    headers: Record<string, string>,
    data: string | undefined,
  ) {
    const operation = apiOperation(method, domain, url).key;
    const attempt = async (timeoutMs = defaultTimeoutMs) => {
      this.requestsByApi[operation] = (this.requestsByApi[operation] ?? 0) + 1;
      const response = await sendOnWire({ method, url, headers, body: data, timeoutMs }).catch(
        (failure: Error) => {
          if (isConnectionFailure(failure)) {
            this.connectionFailures.push(failure.message);
            this.health?.failed(failure);
          }
          throw this.session?.explainFailure?.(method, url, data, failure) ?? failure;
        },
      );
      this.health?.answered();
      const exchange = {
        method,
        url,
        requestBody: data,
        status: response.status,
        responseHeaders: response.headers,
        responseBody: response.text,
      };
      const recording = this.session?.record?.(exchange);
      if (recording) await recording;
      const rejected = this.session?.reject?.(exchange);
      if (rejected) throw rejected;
      return {
        status: () => exchange.status,
        headers: () => exchange.responseHeaders,
        text: exchange.responseBody,
      };
    };
    const policy = this.target.requestPolicy;
    return policy ? policy.send({ method, domain, url }, attempt) : attempt();
  }
}

export function encodeForm(form: Readonly<Record<string, FormValue | undefined>>): string {
  let encoded = '';
  for (const key in form) {
    const value = form[key];
    if (value === undefined || !Object.hasOwn(form, key)) continue;
    encoded += `${encoded ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return encoded;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A parsed body whose objects and arrays, at any depth, make its response the one read last when
 * one of their properties is read: a check that asserts on `task.priority` is about the response
 * `task` came from, though a driver read other responses after fetching it. Wrapped lazily, one
 * proxy per object, so `body.tasks === body.tasks` holds (and the body is wrapped once per response).
 */
function readsTracked<T>(value: T, onRead: () => void, proxies = new WeakMap<object, object>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = proxies.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      onRead();
      return readsTracked(Reflect.get(target, key, receiver), onRead, proxies);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}
