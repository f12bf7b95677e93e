import { randomUUID } from 'node:crypto';
import type { FlexFlowForm } from '../../generators/flex-flow';
import type { ApiResponse, TwilioApi } from '../../targets/http/client';
import { test as base, noStep, skipWhereProgrammableChatEnded } from '../fixtures';

export { expect, observeReading, verifies } from '../fixtures';

export type FlexFlowBody = Record<string, unknown> & {
  sid: string;
  friendly_name: string;
  integration_type: string;
  integration: Record<string, unknown>;
};

/**
 * The Flex Flow API as the checks use it. Every create is tagged (FriendlyName starts with the
 * run's tag) and deleted after the test, so the checks run unchanged on a shared account.
 */
export class FlexFlowApi {
  constructor(
    private readonly api: TwilioApi,
    /** Prefix of every FriendlyName this test sends: `flexconf-<run id>-…`. */
    readonly tag: string,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  /** Tags the FriendlyName (when sent) and registers the created flow for deletion. */
  async create(body: FlexFlowForm): Promise<ApiResponse<FlexFlowBody>> {
    const tagged =
      typeof body.FriendlyName === 'string'
        ? { ...body, FriendlyName: this.nameFor(body.FriendlyName) }
        : body;
    const response = await this.api.post<FlexFlowBody>('flex-api', '/v1/FlexFlows', tagged);
    const sid = response.json?.sid;
    if (response.status < 300 && typeof sid === 'string') this.cleanup(() => this.remove(sid));
    return response;
  }

  /**
   * Sends a create the check expects refused, under a FriendlyName no other request uses (when the
   * body names one), and returns the answer with the flows the list then holds under that name: a
   * refused create leaves none. Flows a faulty target stored anyway are deleted after the test.
   */
  async createRefused(
    body: FlexFlowForm,
  ): Promise<{ response: ApiResponse<FlexFlowBody>; stored: FlexFlowBody[] }> {
    if (typeof body.FriendlyName !== 'string') return { response: await this.create(body), stored: [] };
    const marker = `refused-${randomUUID()}`;
    const response = await this.create({ ...body, FriendlyName: marker });
    const listed = await this.list({ FriendlyName: this.nameFor(marker) });
    const stored = listed.json?.flex_flows ?? [];
    for (const flow of stored) this.cleanup(() => this.remove(flow.sid));
    return { response, stored };
  }

  /** The FriendlyName `create` sends for `name`. */
  nameFor(name: string): string {
    return `${this.tag} ${name}`;
  }

  fetch(sid: string) {
    return this.api.get<FlexFlowBody>('flex-api', `/v1/FlexFlows/${sid}`);
  }

  update(sid: string, body: FlexFlowForm) {
    return this.api.post<FlexFlowBody>('flex-api', `/v1/FlexFlows/${sid}`, body);
  }

  remove(sid: string) {
    return this.api.delete('flex-api', `/v1/FlexFlows/${sid}`);
  }

  list(query: Record<string, string | number> = {}) {
    return this.api.get<{ meta: Record<string, unknown>; flex_flows: FlexFlowBody[] }>(
      'flex-api',
      '/v1/FlexFlows',
      {
        query,
      },
    );
  }

  /** Follows `meta.next_page_url` from the first page to the end, returning every page. */
  async listAllPages(query: Record<string, string | number>) {
    const pages = [await this.list(query)];
    for (let next = pages[0]?.json?.meta?.next_page_url; typeof next === 'string'; ) {
      const page = await this.api.follow<{ meta: Record<string, unknown>; flex_flows: FlexFlowBody[] }>(
        next,
        'flex-api',
      );
      pages.push(page);
      next = page.json?.meta?.next_page_url;
      if (pages.length > 1000) throw new Error('more than 1000 pages: next_page_url never ends');
    }
    return pages;
  }
}

export const test = base.extend<{ flexFlows: FlexFlowApi }>({
  flexFlows: [
    async ({ api, uniqueName, cleanup, prerequisites }, use, testInfo) => {
      skipWhereProgrammableChatEnded(testInfo, prerequisites, 'the check goes through the Flex Flow API');
      await use(new FlexFlowApi(api, uniqueName('ff'), cleanup));
    },
    noStep,
  ],
});
