import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainOfHost } from '../../contracts/domains';
import { apiOperation } from '../http/rate-limits';
import type { RawExchange } from '../types';

interface Entry {
  readonly created?: string;
  readonly deleted?: string;
}

/**
 * Every resource the run created on the account, and every one it deleted, appended by whichever
 * process made the request. What was created and not deleted is what the end-of-run sweep removes,
 * last created first (children before the parents they were created in).
 */
export class CreatedLedger {
  private readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'created.jsonl');
  }

  note(exchange: RawExchange): void {
    const host = new URL(exchange.url).host;
    const domain = domainOfHost(host);
    if (!domain) return;
    const operation = apiOperation(exchange.method, domain, exchange.url).operation;
    if (operation === 'create' && exchange.status >= 200 && exchange.status < 300) {
      const url = createdUrl(exchange.responseBody);
      if (url) this.append({ created: url });
    } else if (operation === 'delete' && (exchange.status < 300 || exchange.status === 404)) {
      this.append({ deleted: withoutQuery(exchange.url) });
    }
  }

  /** Created and not yet deleted (nor inside something deleted), most recent first. */
  remaining(): string[] {
    if (!existsSync(this.file)) return [];
    const deleted = new Set<string>();
    const created: string[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as Entry;
      if (entry.created) created.push(entry.created);
      if (entry.deleted) deleted.add(entry.deleted);
    }
    // A resource inside one that was deleted (a task of a deleted workspace) went with it.
    const goneWithParent = (url: string) => [...deleted].some((parent) => url.startsWith(`${parent}/`));
    return [...new Set(created)].filter((url) => !deleted.has(url) && !goneWithParent(url)).reverse();
  }

  private append(entry: Entry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}

function createdUrl(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { url?: unknown; sid?: unknown };
    return typeof json.url === 'string' && typeof json.sid === 'string' ? withoutQuery(json.url) : undefined;
  } catch {
    return undefined;
  }
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
