import type { Domain } from '../contracts/domains';
import { Calls } from './api/calls';
import { IncomingPhoneNumbers } from './api/incoming-phone-numbers';
import { Messages } from './api/messages';
import { type Behaviour, referenceBehaviour } from './behaviour';
import { Chat } from './chat/chat';
import type { Clock, MockContext } from './context';
import { Conversations } from './conversations/conversations';
import type { MockCredentials } from './core/auth';
import { type CallOutReach, onThisMachine } from './core/call-outs';
import { systemClock } from './core/clock';
import { TwilioError } from './core/errors';
import type { MockModule } from './core/module';
import { Params } from './core/params';
import { type MockResponse, Router } from './core/router';
import { FlexChannels } from './flex-api/channels';
import { FlexConfiguration } from './flex-api/configuration';
import { FlexFlows } from './flex-api/flex-flows';
import { InteractionChannels } from './flex-api/interaction-channels';
import { Interactions } from './flex-api/interactions';
import { ProxySessions } from './proxy/proxy';
import { Studio } from './studio';
import { TaskRouter } from './taskrouter/taskrouter';

export interface MockAppOptions {
  readonly credentials: MockCredentials;
  readonly behaviour?: Behaviour;
  readonly clock?: Clock;
  /** Where call-outs can go: loopback (the default, a platform on this machine) or a public URL. */
  readonly callOuts?: CallOutReach;
}

/** The emulator's state and routes, independent of the HTTP server that exposes them. */
export class MockApp {
  readonly router = new Router();
  readonly context: MockContext;
  readonly flexFlows: FlexFlows;
  readonly studio: Studio;
  readonly taskRouter: TaskRouter;
  readonly conversations: Conversations;
  readonly interactions: Interactions;
  readonly chat: Chat;
  readonly flexChannels: FlexChannels;
  readonly phoneNumbers: IncomingPhoneNumbers;
  readonly calls: Calls;
  readonly messages: Messages;
  readonly proxy: ProxySessions;
  private readonly modules: MockModule[];
  private originUrl = 'http://127.0.0.1';

  constructor(options: MockAppOptions) {
    this.context = {
      credentials: options.credentials,
      accountSid: options.credentials.accountSid,
      clock: options.clock ?? systemClock,
      behaviour: options.behaviour ?? referenceBehaviour,
      call: (domain, method, path, form) => this.callInternal(domain, method, path, form),
      origin: () => this.originUrl,
      callOuts: options.callOuts ?? onThisMachine,
    };
    this.flexFlows = new FlexFlows(this.context);
    this.studio = new Studio(this.context);
    this.taskRouter = new TaskRouter(this.context);
    this.conversations = new Conversations(this.context, this.studio);
    this.interactions = new Interactions(this.context);
    this.chat = new Chat(this.context, this.studio);
    this.flexChannels = new FlexChannels(this.context, this.chat);
    this.phoneNumbers = new IncomingPhoneNumbers(this.context);
    this.calls = new Calls(this.context, this.phoneNumbers);
    this.messages = new Messages(this.context, this.phoneNumbers);
    this.proxy = new ProxySessions(
      this.context,
      (sid) => this.flexChannels.table.get(sid)?.chat.taskSids ?? [],
    );
    // One line per module; each domain folder owns its modules.
    this.modules = [
      this.flexFlows,
      this.studio,
      this.taskRouter,
      this.conversations,
      this.interactions,
      this.chat,
      this.flexChannels,
      this.phoneNumbers,
      this.calls,
      this.messages,
      this.proxy,
      new FlexConfiguration(this.context),
      new InteractionChannels(this.context, this.interactions),
    ];
    for (const module of this.modules) this.router.add(module.routes());
  }

  setOrigin(origin: string): void {
    this.originUrl = origin;
  }

  close(): void {
    for (const module of this.modules) module.close?.();
  }

  private async callInternal(
    domain: Domain,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    form: Record<string, string> = {},
  ): Promise<MockResponse> {
    const [pathname = '', search = ''] = path.split('?');
    const match = this.router.match(domain, method, pathname);
    if (match.kind !== 'found') throw new Error(`internal call to unknown route ${method} ${domain}${path}`);
    const request = {
      method,
      domain,
      path: pathname,
      pathParams: match.pathParams,
      query: new URLSearchParams(search),
      form: new Params(new URLSearchParams(form)),
      origin: this.originUrl,
      headers: {},
    };
    try {
      return await match.route.handler(request);
    } catch (error) {
      if (error instanceof TwilioError) return { status: error.status, body: error.toBody() };
      throw error;
    }
  }
}
