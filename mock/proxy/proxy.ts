import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import { findTask, type MockModule } from '../core/module';
import { pageOf, readPageRequest } from '../core/paging';
import type { MockRequest, MockResponse, Route } from '../core/router';
import { isoNow, newSid } from '../core/sids';
import { Table } from '../core/table';
import { renderService, renderSession, type ServiceRecord, type SessionRecord } from './proxy-resources';

interface FlexFlowView {
  sid: string;
  chat_service_sid: string;
  channel_type: string;
  enabled: boolean;
  contact_identity: string | null;
  janitor_enabled: boolean;
}

/** The tasks of a Flex chat channel, newest last. */
export type TaskSidsOfChannel = (channelSid: string) => readonly string[];

/**
 * Proxy (proxy.twilio.com/v1) as Flex's phone channels use it: the Flex Proxy Service every Flex
 * account has, a session per SMS interaction, and the inbound-message webhook a Flex number's SMS
 * URL points at. A message to the contact identity of an enabled SMS Flex Flow opens (or reuses) the
 * sender's Flex chat channel and posts the message there; the janitor removes the session of a
 * task deleted through the API when the Flex Flow has janitor_enabled.
 */
export class ProxySessions implements MockModule {
  private readonly services = new Table<ServiceRecord>();
  private readonly sessions = new Table<SessionRecord>();

  constructor(
    private readonly ctx: MockContext,
    private readonly taskSidsOf: TaskSidsOfChannel,
  ) {
    this.services.insert((seq) => ({
      seq,
      sid: newSid('KS'),
      unique_name: 'Flex Proxy Service',
      date_created: isoNow(ctx.clock.now()),
    }));
  }

  routes(): Route[] {
    const route = (method: 'GET' | 'DELETE', pattern: string, handler: Route['handler']): Route => ({
      domain: 'proxy',
      method,
      pattern,
      handler,
    });
    const sessions = '/v1/Services/:ServiceSid/Sessions';
    return [
      route('GET', '/v1/Services', (r) => this.listServices(r)),
      route('GET', '/v1/Services/:Sid', async (r) => ({
        status: 200,
        body: renderService(
          this.service(r.pathParams.Sid),
          this.ctx.accountSid,
          await this.chatInstanceSid(),
        ),
      })),
      route('GET', sessions, (r) => this.listSessions(r)),
      route('GET', `${sessions}/:Sid`, async (r) => ({
        status: 200,
        body: renderSession(await this.session(r), this.ctx.accountSid),
      })),
      route('DELETE', `${sessions}/:Sid`, async (r) => {
        this.sessions.delete((await this.session(r)).sid);
        return { status: 204 };
      }),
      {
        domain: 'webhooks',
        method: 'POST',
        pattern: '/v1/Accounts/:AccountSid/Proxy/:ServiceSid/Webhooks/Message',
        // Twilio's messaging platform requests it; it carries no Basic auth.
        public: true,
        handler: (r) => this.inboundMessage(r),
      },
    ];
  }

  private service(sid: string | undefined): ServiceRecord {
    const record = this.services.get(sid ?? '');
    if (!record) throw notFound(`/Services/${sid}`);
    return record;
  }

  /** The Flex chat service (the account's first) the Flex Proxy Service forwards SMS to. */
  private async chatInstanceSid(): Promise<string | null> {
    const listed = await this.ctx.call('chat', 'GET', '/v2/Services?PageSize=1');
    const [service] = (listed.body as { services?: { sid: string }[] } | undefined)?.services ?? [];
    return listed.status === 200 && service ? service.sid : null;
  }

  private async listServices(request: MockRequest): Promise<MockResponse> {
    const chatInstanceSid = await this.chatInstanceSid();
    return {
      status: 200,
      body: pageOf(this.services.all(), readPageRequest(request.query), {
        origin: request.origin,
        path: '/v1/Services',
        key: 'services',
        filters: [],
        render: (record) => renderService(record, this.ctx.accountSid, chatInstanceSid),
      }),
    };
  }

  private async listSessions(request: MockRequest): Promise<MockResponse> {
    const service = this.service(request.pathParams.ServiceSid);
    await this.runJanitor();
    return {
      status: 200,
      body: pageOf(
        this.sessions.all().filter((record) => record.service_sid === service.sid),
        readPageRequest(request.query),
        {
          origin: request.origin,
          path: `/v1/Services/${service.sid}/Sessions`,
          key: 'sessions',
          filters: [],
          render: (record) => renderSession(record, this.ctx.accountSid),
        },
      ),
    };
  }

  private async session(request: MockRequest): Promise<SessionRecord> {
    const service = this.service(request.pathParams.ServiceSid);
    await this.runJanitor();
    const record = this.sessions.get(request.pathParams.Sid ?? '');
    if (!record || record.service_sid !== service.sid) throw notFound(request.path);
    return record;
  }

  /** A message Twilio's messaging platform delivered to a number whose SMS URL is this service's webhook. */
  private async inboundMessage(request: MockRequest): Promise<MockResponse> {
    const service = this.service(request.pathParams.ServiceSid);
    const from = request.form.required('From');
    const to = request.form.required('To');
    const body = request.form.string('Body') ?? '';
    const listed = await this.ctx.call('flex-api', 'GET', '/v1/FlexFlows?PageSize=1000');
    const flexFlow = ((listed.body as { flex_flows?: FlexFlowView[] }).flex_flows ?? []).find(
      (flow) =>
        flow.enabled &&
        flow.channel_type === 'sms' &&
        this.ctx.behaviour.proxy.handles(flow.contact_identity, to),
    );
    const empty: MockResponse = {
      status: 200,
      text: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
      contentType: 'text/xml',
    };
    if (!flexFlow) return empty;
    const opened = await this.ctx.call('flex-api', 'POST', '/v1/Channels', {
      FlexFlowSid: flexFlow.sid,
      Identity: from,
      ChatUserFriendlyName: from,
      ChatFriendlyName: `SMS ${from}`,
    });
    if (opened.status !== 201) return opened;
    const channelSid = (opened.body as { sid: string }).sid;
    const now = isoNow(this.ctx.clock.now());
    const session = this.sessions.all().find((record) => record.unique_name === channelSid);
    if (session) session.date_last_interaction = now;
    else
      this.sessions.insert((seq) => ({
        seq,
        sid: newSid('KC'),
        service_sid: service.sid,
        unique_name: channelSid,
        janitor_enabled: flexFlow.janitor_enabled,
        date_created: now,
        date_last_interaction: now,
      }));
    await this.ctx.call(
      'chat',
      'POST',
      `/v2/Services/${flexFlow.chat_service_sid}/Channels/${channelSid}/Messages`,
      {
        From: from,
        Body: body,
      },
    );
    return empty;
  }

  /** Removes the sessions whose task was deleted, where the Flex Flow had the janitor enabled. */
  private async runJanitor(): Promise<void> {
    if (!this.ctx.behaviour.proxy.janitorRemovesSessions) return;
    for (const record of this.sessions.all()) {
      if (!record.janitor_enabled) continue;
      const taskSid = this.taskSidsOf(record.unique_name).at(-1);
      if (taskSid && (await this.taskDeleted(taskSid))) this.sessions.delete(record.sid);
    }
  }

  private async taskDeleted(taskSid: string): Promise<boolean> {
    return (await findTask(this.ctx.call, taskSid)) === undefined;
  }
}
