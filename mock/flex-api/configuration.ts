import type { MockContext } from '../context';
import type { MockModule } from '../core/module';
import type { MockRequest, MockResponse, Route } from '../core/router';

type Json = Record<string, unknown>;

/** Every property of Twilio's Flex configuration resource the mock does not model: null, as Twilio answers an unset one. */
const unset = [
  'attributes',
  'taskrouter_skills',
  'taskrouter_worker_channels',
  'taskrouter_worker_attributes',
  'taskrouter_offline_activity_sid',
  'runtime_domain',
  'messaging_service_instance_sid',
  'flex_service_instance_sid',
  'flex_instance_sid',
  'ui_attributes',
  'ui_dependencies',
  'call_recording_webhook_url',
  'crm_type',
  'crm_callback_url',
  'crm_fallback_url',
  'crm_attributes',
  'public_attributes',
  'plugin_service_attributes',
  'integrations',
  'outbound_call_flows',
  'serverless_service_sids',
  'queue_stats_configuration',
  'notifications',
  'markdown',
  'flex_insights_hr',
  'flex_url',
  'channel_configs',
  'debugger_integration',
  'flex_ui_status_report',
  'agent_conv_end_methods',
  'citrix_voice_vdi',
  'offline_config',
] as const;

/**
 * The account's Flex configuration (`GET /v1/Configuration` on flex-api; Conversations has its own
 * at the same path): the Flex TaskRouter workspace (the account's first), its first workflow and
 * queues, and the Flex chat service (the first). Null where the account has none yet.
 */
export class FlexConfiguration implements MockModule {
  private readonly created: string;

  constructor(private readonly ctx: MockContext) {
    this.created = new Date(ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  routes(): Route[] {
    return [
      { domain: 'flex-api', method: 'GET', pattern: '/v1/Configuration', handler: (r) => this.fetch(r) },
    ];
  }

  private async first(domain: 'taskrouter' | 'chat', path: string, key: string): Promise<Json[]> {
    const page = await this.ctx.call(domain, 'GET', `${path}?PageSize=50`);
    const items = (page.body as Json | undefined)?.[key];
    return page.status === 200 && Array.isArray(items) ? (items as Json[]) : [];
  }

  private async fetch(request: MockRequest): Promise<MockResponse> {
    const [workspace] = await this.first('taskrouter', '/v1/Workspaces', 'workspaces');
    const workspaceSid = typeof workspace?.sid === 'string' ? workspace.sid : null;
    const base = workspaceSid ? `/v1/Workspaces/${workspaceSid}` : undefined;
    const workflows = base ? await this.first('taskrouter', `${base}/Workflows`, 'workflows') : [];
    const queues = base ? await this.first('taskrouter', `${base}/TaskQueues`, 'task_queues') : [];
    const [service] = await this.first('chat', '/v2/Services', 'services');
    const body: Json = {
      account_sid: this.ctx.accountSid,
      date_created: this.created,
      date_updated: this.created,
      status: 'ok',
      taskrouter_workspace_sid: workspaceSid,
      taskrouter_target_workflow_sid: workflows[0]?.sid ?? null,
      taskrouter_target_taskqueue_sid: queues[0]?.sid ?? null,
      taskrouter_taskqueues: queues.map((queue) => ({ sid: queue.sid, targettable: true })),
      chat_service_instance_sid: service?.sid ?? null,
      ui_language: 'en',
      ui_version: request.query.get('UiVersion') ?? '2.0',
      service_version: '1.0',
      call_recording_enabled: false,
      crm_enabled: false,
      plugin_service_enabled: false,
      flex_insights_drilldown: false,
      url: `${request.origin}/v1/Configuration`,
      ...Object.fromEntries(unset.map((name) => [name, null])),
    };
    return { status: 200, body };
  }
}
