import {
  type FlowDefinitionJson,
  flowDefinition,
  type SendToFlexProperties,
  sendToFlexWidget,
  type TriggerEvent,
} from '../../generators/studio';
import type { ApiResponse, TwilioApi } from '../../targets/http/client';
import { expect } from '../assertions';
import { eventually } from './eventually';

export interface FlowBody {
  sid: string;
  friendly_name: string;
  status: string;
  revision: number;
  valid: boolean;
  errors: unknown[];
  webhook_url: string;
  definition: unknown;
}

export interface ExecutionBody {
  sid: string;
  flow_sid: string;
  status: string;
  contact_channel_address: string;
  initiated_by: string;
  links: { steps: string; execution_context: string };
}

export interface StepBody {
  sid: string;
  name: string;
  transitioned_from: string;
  transitioned_to: string;
  type: string;
  context: Record<string, unknown>;
}

export interface ExecutionContextBody {
  context: {
    widgets?: Record<string, Record<string, unknown>>;
    flow?: Record<string, unknown>;
    trigger?: Record<string, unknown>;
  };
}

export interface ErrorBody {
  code: number;
  message: string;
  status: number;
  details?: unknown;
}

/**
 * The flow most checks publish: the trigger goes straight to one send-to-flex widget, which routes
 * through `workflow` on `channel` unless the properties say otherwise.
 */
export function sendToFlexFlow(
  event: TriggerEvent,
  widget: string,
  workflow: string,
  channel: string,
  properties: SendToFlexProperties = {},
): FlowDefinitionJson {
  return flowDefinition(event, [sendToFlexWidget(widget, { workflow, channel, ...properties })]);
}

/**
 * Studio v2 as the checks use it: flows (tagged and deleted after the test), Validate, executions,
 * their steps and context.
 */
export class StudioApi {
  constructor(
    private readonly api: TwilioApi,
    private readonly tag: string,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  form(definition: unknown, status: 'draft' | 'published' = 'published') {
    return {
      FriendlyName: this.tag,
      Status: status,
      Definition: typeof definition === 'string' ? definition : JSON.stringify(definition),
    };
  }

  /** POST /v2/Flows; a created flow is deleted after the test. */
  async create(
    definition: FlowDefinitionJson | unknown,
    form: Record<string, string | undefined> = {},
  ): Promise<ApiResponse<FlowBody & ErrorBody>> {
    const sent = { ...this.form(definition), ...form };
    const response = await this.api.post<FlowBody & ErrorBody>('studio', '/v2/Flows', sent);
    const sid = response.json?.sid;
    if (response.status < 300 && typeof sid === 'string') this.removeAfterTest(sid);
    if (response.status >= 400 && response.status < 500) await this.expectNoFlowNamed(sent.FriendlyName);
    return response;
  }

  /** Flows this test created, the ones a flow list may show under its FriendlyName. */
  private readonly created = new Set<string>();

  private removeAfterTest(sid: string) {
    this.created.add(sid);
    this.cleanup(() => this.api.delete('studio', `/v2/Flows/${sid}`));
  }

  /** Effects, not echoes: a refused create leaves no flow under the FriendlyName it sent. */
  private async expectNoFlowNamed(friendlyName: string | undefined) {
    if (!friendlyName) return;
    const left = (await this.listFlows()).json.flows.filter(
      (flow) => flow.friendly_name === friendlyName && !this.created.has(flow.sid),
    );
    for (const flow of left) this.removeAfterTest(flow.sid);
    expect(
      left.map((flow) => flow.sid),
      `flows a refused POST /v2/Flows left under FriendlyName ${friendlyName}`,
    ).toEqual([]);
  }

  /** Creates a published flow the check needs, failing the check when the target refuses it. */
  async publish(definition: FlowDefinitionJson): Promise<FlowBody> {
    const response = await this.create(definition);
    if (response.status !== 201)
      throw new Error(`the flow could not be created: ${response.status} ${response.text}`);
    return response.json;
  }

  validate(definition: unknown, form: Record<string, string | undefined> = {}) {
    return this.api.post<{ valid?: boolean } & ErrorBody>('studio', '/v2/Flows/Validate', {
      ...this.form(definition),
      ...form,
    });
  }

  listFlows() {
    return this.api.get<{ flows: FlowBody[] }>('studio', '/v2/Flows', { query: { PageSize: 1000 } });
  }

  executions(flowSid: string) {
    return this.api.get<{ executions: ExecutionBody[] }>('studio', `/v2/Flows/${flowSid}/Executions`, {
      query: { PageSize: 1000 },
    });
  }

  /** The flow's executions once there are `count` of them (flows start asynchronously on a real account). */
  async awaitExecutions(flowSid: string, count = 1): Promise<ExecutionBody[]> {
    const found = await eventually(async () => {
      const list = (await this.executions(flowSid)).json?.executions ?? [];
      return list.length >= count ? list : undefined;
    });
    return found ?? (await this.executions(flowSid)).json?.executions ?? [];
  }

  /** The flow's execution that `contact` (a CallSid) initiated, once it exists. */
  awaitExecutionInitiatedBy(flowSid: string, contact: string): Promise<ExecutionBody | undefined> {
    return eventually(async () =>
      ((await this.executions(flowSid)).json?.executions ?? []).find(
        (execution) => execution.initiated_by === contact,
      ),
    );
  }

  async steps(flowSid: string, executionSid: string): Promise<StepBody[]> {
    const response = await this.api.get<{ steps: StepBody[] }>(
      'studio',
      `/v2/Flows/${flowSid}/Executions/${executionSid}/Steps`,
      { query: { PageSize: 1000 } },
    );
    return response.json?.steps ?? [];
  }

  /** The steps once one leaves `widget` (transitions are taken asynchronously on a real account). */
  async awaitStepFrom(flowSid: string, executionSid: string, widget: string): Promise<StepBody[]> {
    const found = await eventually(async () => {
      const steps = await this.steps(flowSid, executionSid);
      return steps.some((step) => step.transitioned_from === widget) ? steps : undefined;
    });
    return found ?? (await this.steps(flowSid, executionSid));
  }

  context(flowSid: string, executionSid: string) {
    return this.api.get<ExecutionContextBody>(
      'studio',
      `/v2/Flows/${flowSid}/Executions/${executionSid}/Context`,
    );
  }

  /** The variables a widget stored, from the execution context. */
  async widgetVariables(
    flowSid: string,
    executionSid: string,
    widget: string,
  ): Promise<Record<string, unknown>> {
    const response = await this.context(flowSid, executionSid);
    return response.json?.context?.widgets?.[widget] ?? {};
  }
}
