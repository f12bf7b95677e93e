import type { Customer } from '../../generators/conversations';
import type { SendToFlexProperties } from '../../generators/studio';
import type { Form, TwilioApi } from '../../targets/http/client';
import { type FlowBody, type StudioApi, sendToFlexFlow } from './studio-api';
import type { Routing } from './taskrouter';

/** The widget name the conversation checks use. */
export const conversationWidget = 'send_to_flex';

export interface OpenConversation {
  readonly sid: string;
  readonly customer: Customer;
}

/**
 * A customer of Flex Conversations, through the Conversations API: a conversation (deleted after the
 * test) with the customer as participant (messaging binding or chat identity), a studio webhook
 * pointing at a flow, and the customer's messages.
 */
export class ConversationCustomer {
  constructor(
    private readonly api: TwilioApi,
    private readonly tag: string,
    private readonly cleanup: (undo: () => Promise<unknown>) => void,
  ) {}

  async open(customer: Customer): Promise<OpenConversation> {
    const created = await this.api.post<{ sid: string }>('conversations', '/v1/Conversations', {
      FriendlyName: this.tag,
      Attributes: JSON.stringify(customer.conversationAttributes),
    });
    if (created.status !== 201)
      throw new Error(`the conversation could not be created: ${created.status} ${created.text}`);
    const sid = created.json.sid;
    this.cleanup(() => this.api.delete('conversations', `/v1/Conversations/${sid}`));
    const participant: Form =
      customer.channel === 'chat'
        ? { Identity: customer.address }
        : {
            'MessagingBinding.Address': customer.address,
            'MessagingBinding.ProxyAddress':
              customer.channel === 'whatsapp' ? 'whatsapp:+15005550006' : '+15005550006',
          };
    const joined = await this.api.post('conversations', `/v1/Conversations/${sid}/Participants`, participant);
    if (joined.status !== 201)
      throw new Error(`the customer could not join: ${joined.status} ${joined.text}`);
    return { sid, customer };
  }

  /** A conversation-scoped webhook handing the conversation to a Studio flow. */
  connectStudio(conversation: OpenConversation, flowSid: string) {
    return this.api.post<{ sid: string; target: string }>(
      'conversations',
      `/v1/Conversations/${conversation.sid}/Webhooks`,
      {
        Target: 'studio',
        'Configuration.FlowSid': flowSid,
      },
    );
  }

  /** A conversation-scoped webhook calling `url` for new messages. */
  connectWebhook(conversation: OpenConversation, url: string) {
    return this.api.post<{ sid: string; target: string }>(
      'conversations',
      `/v1/Conversations/${conversation.sid}/Webhooks`,
      {
        Target: 'webhook',
        'Configuration.Url': url,
        'Configuration.Method': 'post',
        'Configuration.Filters': 'onMessageAdded',
      },
    );
  }

  /**
   * The customer writes a message. A message created through the REST API starts the flow only
   * with `X-Twilio-Webhook-Enabled: true`, as a message from the customer's device would.
   */
  say(conversation: OpenConversation, body: string, attributes?: string) {
    return this.api.post<{ sid: string }>(
      'conversations',
      `/v1/Conversations/${conversation.sid}/Messages`,
      { Author: conversation.customer.address, Body: body, Attributes: attributes },
      { headers: { 'X-Twilio-Webhook-Enabled': 'true' } },
    );
  }

  /** Opens a conversation for the customer, connects it to the flow and has the customer write. */
  async startWith(customer: Customer, flow: Pick<FlowBody, 'sid'>, body = 'Hi'): Promise<OpenConversation> {
    const conversation = await this.open(customer);
    const webhook = await this.connectStudio(conversation, flow.sid);
    if (webhook.status !== 201)
      throw new Error(`the studio webhook could not be created: ${webhook.status} ${webhook.text}`);
    const said = await this.say(conversation, body);
    if (said.status !== 201) throw new Error(`the message could not be sent: ${said.status} ${said.text}`);
    return conversation;
  }
}

/** Incoming Conversation → send-to-flex with these properties (the workflow and Programmable Chat unless given). */
export function publishConversationFlow(
  studio: StudioApi,
  routing: Routing,
  workflow: string,
  properties: SendToFlexProperties = {},
): Promise<FlowBody> {
  return studio.publish(
    sendToFlexFlow(
      'incomingConversationMessage',
      conversationWidget,
      workflow,
      routing.channels.chat.sid,
      properties,
    ),
  );
}
