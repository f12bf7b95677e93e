import type { SendToFlexProperties } from '../../generators/studio';
import type { Form, TwilioApi } from '../../targets/http/client';
import { type FlowBody, type StudioApi, sendToFlexFlow } from './studio-api';
import type { Routing } from './taskrouter';

/** The widget name the message checks use. */
export const messageWidget = 'SendMessageToAgent';

/** The default attributes of the legacy SMS and Webchat flows (seeds 000 and 001). */
export const legacyDefaultAttributes =
  '{"name": "{{trigger.message.ChannelAttributes.from}}", "channelType": "{{trigger.message.ChannelAttributes.channel_type}}", "channelSid": "{{trigger.message.ChannelSid}}"}';

export interface FlexChannel {
  readonly sid: string;
  readonly flex_flow_sid: string;
  readonly user_sid?: string;
  readonly task_sid?: string | null;
}

/**
 * Legacy Flex messaging (Programmable Chat) through the public APIs: a chat service, a Flex Flow,
 * a Flex chat channel for a customer identity (`POST /v1/Channels`), and the customer's chat messages.
 * Everything created is tagged and deleted after the test.
 */
export class LegacyMessaging {
  private service?: string;

  constructor(
    private readonly api: TwilioApi,
    private readonly tag: string,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  /** The test's chat service (created on first use). */
  async chatService(): Promise<string> {
    if (this.service) return this.service;
    const created = await this.api.post<{ sid: string }>('chat', '/v2/Services', { FriendlyName: this.tag });
    if (created.status !== 201)
      throw new Error(`the chat service could not be created: ${created.status} ${created.text}`);
    const sid = created.json.sid;
    this.cleanup(() => this.api.delete('chat', `/v2/Services/${sid}`));
    this.service = sid;
    return sid;
  }

  /** A Flex Flow on the test's chat service; `integration` holds the IntegrationType and Integration.* parameters. */
  async flexFlow(channelType: string, integration: Form, options: Form = {}): Promise<{ sid: string }> {
    const created = await this.api.post<{ sid: string }>('flex-api', '/v1/FlexFlows', {
      FriendlyName: this.tag,
      ChatServiceSid: await this.chatService(),
      ChannelType: channelType,
      Enabled: true,
      ...integration,
      ...options,
    });
    if (created.status !== 201)
      throw new Error(`the Flex Flow could not be created: ${created.status} ${created.text}`);
    const sid = created.json.sid;
    this.cleanup(() => this.api.delete('flex-api', `/v1/FlexFlows/${sid}`));
    return created.json;
  }

  studioFlexFlow(channelType: string, flowSid: string, options: Form = {}) {
    return this.flexFlow(channelType, { IntegrationType: 'studio', 'Integration.FlowSid': flowSid }, options);
  }

  /** POST /v1/Channels for a customer identity. */
  openChannel(flexFlowSid: string, identity: string, extra: Form = {}) {
    return this.api.post<FlexChannel>('flex-api', '/v1/Channels', {
      FlexFlowSid: flexFlowSid,
      Identity: identity,
      ChatUserFriendlyName: extra.ChatUserFriendlyName ?? identity,
      ChatFriendlyName: `${this.tag} chat`,
      ...extra,
    });
  }

  async channel(flexFlowSid: string, identity: string, extra: Form = {}): Promise<FlexChannel> {
    const opened = await this.openChannel(flexFlowSid, identity, extra);
    if (opened.status !== 201)
      throw new Error(`the Flex chat channel could not be created: ${opened.status} ${opened.text}`);
    return opened.json;
  }

  /** The customer writes in the channel. */
  async say(channel: FlexChannel, identity: string, body: string, attributes?: string) {
    return this.api.post(
      'chat',
      `/v2/Services/${await this.chatService()}/Channels/${channel.sid}/Messages`,
      {
        From: identity,
        Body: body,
        Attributes: attributes,
      },
    );
  }

  async channelAttributes(channel: FlexChannel): Promise<Record<string, unknown>> {
    const fetched = await this.api.get<{ attributes: string }>(
      'chat',
      `/v2/Services/${await this.chatService()}/Channels/${channel.sid}`,
    );
    return JSON.parse(fetched.json?.attributes ?? '{}') as Record<string, unknown>;
  }
}

/** Incoming Message → send-to-flex with these properties (the workflow and Programmable Chat unless given). */
export function publishMessageFlow(
  studio: StudioApi,
  routing: Routing,
  workflow: string,
  properties: SendToFlexProperties = {},
): Promise<FlowBody> {
  return studio.publish(
    sendToFlexFlow('incomingMessage', messageWidget, workflow, routing.channels.chat.sid, properties),
  );
}
