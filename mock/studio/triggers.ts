import type { EngineResult } from './engine';
import type { NewExecution, TriggerEventName } from './execution-store';

/** How another domain starts a flow (a chat message, a conversation message): in-process, as Twilio does. */
export interface StudioTriggers {
  start(
    flowSid: string,
    event: TriggerEventName,
    spec: Omit<NewExecution, 'flowSid' | 'flowVersion'>,
  ): Promise<EngineResult | undefined>;
}
