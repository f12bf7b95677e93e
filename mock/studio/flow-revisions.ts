import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import type { FlowRecord, Flows } from './flows';

/**
 * A flow's revisions (`/v2/Flows/{Sid}/Revisions[/{Revision}]`): the flow as each create and
 * update left it. `{Revision}` is a number, `LatestRevision` or `LatestPublished`.
 */
export class FlowRevisions implements MockModule {
  constructor(
    private readonly ctx: MockContext,
    private readonly flows: Flows,
  ) {}

  routes(): Route[] {
    const base = '/v2/Flows/:Sid/Revisions';
    return [
      { domain: 'studio', method: 'GET', pattern: base, handler: (r) => this.list(r) },
      { domain: 'studio', method: 'GET', pattern: `${base}/:Revision`, handler: (r) => this.fetch(r) },
    ];
  }

  private render(revision: FlowRecord, origin: string, withDefinition: boolean) {
    return {
      sid: revision.sid,
      account_sid: this.ctx.accountSid,
      author_sid: null,
      friendly_name: revision.friendly_name,
      definition: withDefinition ? revision.definition : null,
      status: revision.status,
      revision: revision.revision,
      commit_message: revision.commit_message,
      valid: true,
      errors: [],
      date_created: revision.date_created,
      date_updated: revision.date_updated,
      url: `${origin}/v2/Flows/${revision.sid}/Revisions/${revision.revision}`,
    };
  }

  private revisionsOf(request: MockRequest): FlowRecord[] {
    const flow = this.flows.find(request.pathParams.Sid ?? '', request.path);
    return this.flows.revisions.get(flow.sid) ?? [];
  }

  private list(request: MockRequest): MockResponse {
    const revisions = this.revisionsOf(request);
    return {
      status: 200,
      body: pageOf(revisions, readPageRequest(request.query), {
        origin: request.origin,
        path: `/v2/Flows/${request.pathParams.Sid}/Revisions`,
        key: 'revisions',
        filters: [],
        render: (revision) => this.render(revision, request.origin, false),
      }),
    };
  }

  private fetch(request: MockRequest): MockResponse {
    const revisions = this.revisionsOf(request);
    const wanted = request.pathParams.Revision ?? '';
    const revision =
      wanted === 'LatestRevision'
        ? revisions.at(-1)
        : wanted === 'LatestPublished'
          ? revisions.findLast((candidate) => candidate.status === 'published')
          : revisions.find((candidate) => String(candidate.revision) === wanted);
    if (!revision) throw notFound(request.path);
    return { status: 200, body: this.render(revision, request.origin, true) };
  }
}
