import type { MockContext } from '../context';
import { notFound } from '../core/errors';
import type { MockRequest, MockResponse, Route } from '../core/router';
import type { EngineResult, FlowEngine } from './engine';
import type { ExecutionStore } from './execution-store';
import type { Flows } from './flows';
import { twimlDocument } from './twiml';
import { enqueueCall } from './voice-platform';

/**
 * The flow's voice webhook (`webhook_url`, on webhooks.twilio.com), which Twilio's voice platform
 * requests without Basic auth: a request without `FlowEvent` is a new incoming call; `FlowEvent=return`
 * is a widget's action URL (the Enqueue action, with QueueResult) for the call's waiting execution.
 */
export class VoiceWebhook {
  constructor(
    private readonly ctx: MockContext,
    private readonly flows: Flows,
    private readonly store: ExecutionStore,
    private readonly engine: FlowEngine,
  ) {}

  routes(): Route[] {
    return [
      {
        domain: 'webhooks',
        method: 'POST',
        pattern: '/v1/Accounts/:AccountSid/Flows/:FlowSid',
        public: true,
        handler: (r) => this.handle(r),
      },
    ];
  }

  private async handle(request: MockRequest): Promise<MockResponse> {
    if (request.pathParams.AccountSid !== this.ctx.accountSid) throw notFound(request.path);
    const flow = this.flows.find(request.pathParams.FlowSid ?? '', request.path);
    const input = Object.fromEntries(request.form.raw.entries());
    const callSid = request.form.required('CallSid');
    const flowEvent = request.query.get('FlowEvent');
    let result: EngineResult;
    if (flowEvent === null) {
      result = await this.engine.start(flow, 'incomingCall', {
        flowSid: flow.sid,
        flowVersion: flow.revision,
        contactAddress: input.From ?? '',
        flowAddress: input.To ?? '',
        initiatedBy: callSid,
        trigger: { call: input },
      });
    } else {
      const execution = this.store.waitingForCall(flow.sid, callSid);
      if (!execution) throw notFound(`${request.path}/Calls/${callSid}`);
      result = await this.engine.resume(flow, execution, input);
    }
    return this.answer(result, callSid);
  }

  private async answer(result: EngineResult, callSid: string): Promise<MockResponse> {
    const { execution, voice } = result;
    if (!voice) return twiml(twimlDocument(''));
    if (voice.enqueue && execution.waiting) {
      execution.waiting.enqueue = await enqueueCall(this.ctx, voice.enqueue, callSid);
      // Task created is taken when the action URL is requested (resume), or already now.
      if (this.ctx.behaviour.studio.sendToFlex.transitionTiming.call === 'twiml-answered') {
        this.store.addStep(execution, {
          name: 'callComplete',
          transitioned_from: execution.waiting.widget,
          transitioned_to: 'Ended',
          type: 'send-to-flex',
          context: {},
        });
      }
    }
    return twiml(voice.twiml);
  }
}

const twiml = (text: string): MockResponse => ({ status: 200, text, contentType: 'text/xml' });
