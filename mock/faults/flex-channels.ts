import { isJsonObject } from '../core/json';
import { defaultingParameter, type FaultSpec, onRoute, postsTo, rewritingForm } from './fault';

/** The Routing of an Interaction with each nested properties.attributes value sent as JSON text. */
function flattenRoutingAttributes(form: URLSearchParams): void {
  const text = form.get('Routing');
  if (text === null) return;
  let routing: unknown;
  try {
    routing = JSON.parse(text);
  } catch {
    return;
  }
  if (!isJsonObject(routing) || !isJsonObject(routing.properties)) return;
  const attributes = routing.properties.attributes;
  if (!isJsonObject(attributes)) return;
  const flattened = Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      isJsonObject(value) || Array.isArray(value) ? JSON.stringify(value) : value,
    ]),
  );
  form.set(
    'Routing',
    JSON.stringify({ ...routing, properties: { ...routing.properties, attributes: flattened } }),
  );
}

/** A studio webhook's flow: the one each Flex Flow named when its first channel was created. */
function firstFlowOfEachFlexFlow(): (flexFlowSid: string, integrationFlowSid: string) => string {
  const first = new Map<string, string>();
  return (flexFlowSid, integrationFlowSid) => {
    if (!first.has(flexFlowSid)) first.set(flexFlowSid, integrationFlowSid);
    return first.get(flexFlowSid) as string;
  };
}

/** Deliberate bugs in Flex's channel resources: Interactions, legacy chat Channels and WebChannels. */
export const flexChannelFaults = [
  {
    name: 'interactions-channel-optional',
    description: 'POST /v1/Interactions without Channel is accepted as a chat channel.',
    trips: ['CONV-INTERACTION-REQUIRES-CHANNEL'],
    wire: defaultingParameter(
      postsTo('flex-api', ['/v1/Interactions']),
      'Channel',
      '{"type":"chat","initiated_by":"customer"}',
    ),
  },
  {
    name: 'interactions-create-returns-201',
    description: 'POST /v1/Interactions answers 201 like other creates.',
    trips: ['WIRE-INTERACTIONS-CREATE-200'],
    wire: onRoute('flex-api', 'POST', '/v1/Interactions', (response) =>
      response.status === 200 ? { ...response, status: 201 } : response,
    ),
  },
  {
    name: 'interactions-sid-not-kd',
    description: 'Interaction SIDs start with KY.',
    trips: ['CONV-INTERACTION-SID-KD'],
    behaviour: { interactions: { sidPrefix: 'KY' } },
  },
  {
    name: 'interactions-create-no-task',
    description: 'An Interaction is accepted but its Routing never becomes a task.',
    trips: ['CONV-INTERACTION-CREATES-TASK', 'CONV-WEBHOOK-CREATES-INTERACTION', 'CONV-STUDIO-OR-WEBHOOK'],
    behaviour: { interactions: { taskOnCreate: false } },
  },
  {
    name: 'interactions-attributes-flattened',
    description: 'Nested Routing attributes reach the task as JSON strings.',
    trips: ['CONV-INTERACTION-ROUTING-AS-IS'],
    wire: rewritingForm(postsTo('flex-api', ['/v1/Interactions']), flattenRoutingAttributes),
  },
] as const satisfies readonly FaultSpec[];

/** Deliberate bugs in the legacy chat channels (`/v1/Channels`, `/v1/WebChannels`) and the chat messages they route. */
export const flexLegacyChannelFaults = [
  {
    name: 'flexchannel-identity-optional',
    description: 'POST /v1/Channels and /v1/WebChannels accept a request without Identity.',
    trips: ['MSG-CHANNEL-CREATE-REQUIRED', 'MSG-WEBCHANNEL-CREATE-REQUIRED'],
    wire: defaultingParameter(
      postsTo('flex-api', ['/v1/Channels', '/v1/WebChannels']),
      'Identity',
      'anonymous',
    ),
  },
  {
    name: 'flexchannel-task-sid-echoed',
    description: 'A TaskSid sent for a studio or external Flex Flow is stored on the chat channel.',
    trips: ['MSG-CHANNEL-TASK-SID'],
    behaviour: { flexChannels: { taskSidParameterFor: ['studio', 'external', 'task'] } },
  },
  {
    name: 'flexchannel-list-key-channels',
    description: 'Chat channel lists put their records under "channels".',
    trips: ['MSG-CHANNEL-LIST-KEY'],
    behaviour: { flexChannels: { listKey: 'channels' } },
  },
  {
    name: 'flexchannel-no-studio-webhook',
    description: 'A studio Flex Flow’s channel gets no studio webhook: messages never reach the flow.',
    trips: ['MSG-STUDIO-ROUTES-FIRST-MESSAGE'],
    behaviour: { flexChannels: { setupFor: { studio: 'nothing' } } },
  },
  {
    name: 'flexchannel-flow-sid-cached',
    description: 'New channels keep using the Studio flow a Flex Flow first pointed at.',
    trips: ['MSG-FLOWSID-UPDATE-REROUTES'],
    behaviour: { flexChannels: { studioFlowOf: firstFlowOfEachFlexFlow() } },
  },
  {
    name: 'flexchannel-channel-type-missing',
    description: 'The chat channel attributes leave out channel_type.',
    trips: ['MSG-CHANNELTYPE-IN-TASK-ATTRIBUTES', 'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE'],
    behaviour: {
      flexChannels: { channelAttributes: ['status', 'long_lived', 'from', 'pre_engagement_data'] },
    },
  },
  {
    name: 'flexchannel-task-integration-no-task',
    description: 'A task Flex Flow creates no task for a new channel.',
    trips: ['MSG-TASK-INTEGRATION-CREATES-TASK'],
    behaviour: { flexChannels: { setupFor: { task: 'nothing' } } },
  },
  {
    name: 'flexchannel-external-get',
    description: 'The external webhook is requested with GET.',
    trips: ['MSG-EXTERNAL-WEBHOOK-POST'],
    behaviour: { chat: { externalWebhook: { method: 'GET' } } },
  },
  {
    name: 'flexchannel-external-body-missing',
    description: 'The external webhook request carries an empty Body.',
    trips: ['MSG-EXTERNAL-WEBHOOK-BODY'],
    behaviour: { chat: { externalWebhook: { body: () => '' } } },
  },
  {
    name: 'flexchannel-external-no-webhook-sid',
    description: 'The external Flex Flow webhook request leaves out WebhookSid.',
    trips: ['MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS'],
    behaviour: { chat: { externalWebhook: { fields: ({ WebhookSid: _dropped, ...fields }) => fields } } },
  },
  {
    name: 'flexchannel-external-date-epoch',
    description:
      'The external Flex Flow webhook sends DateCreated as epoch milliseconds, not an ISO 8601 date-time.',
    trips: ['MSG-EXTERNAL-WEBHOOK-PAYLOAD-FIELDS'],
    behaviour: {
      chat: {
        externalWebhook: {
          fields: (fields) => ({ ...fields, DateCreated: String(Date.parse(fields.DateCreated ?? '')) }),
        },
      },
    },
  },
  {
    name: 'flexchannel-retry-off-by-one',
    description: 'A failing webhook is attempted RetryCount + 2 times.',
    trips: ['MSG-RETRY-ON-FAILURE'],
    behaviour: { chat: { externalWebhook: { attempts: (retryCount: number) => retryCount + 2 } } },
  },
  {
    name: 'flexchannel-long-lived-ignored',
    description: 'A long-lived channel is replaced after its task ends, like any other.',
    trips: ['MSG-LONG-LIVED-KEEPS-CHANNEL'],
    behaviour: { flexChannels: { longLivedOutlivesTask: false } },
  },
  {
    name: 'chat-channel-attributes-unparsed',
    description: 'trigger.message.ChannelAttributes is the attributes text, not parsed JSON.',
    trips: [
      'LIQUID-CHANNEL-ATTRIBUTES-PARSED',
      'STF-LEGACY-MSG-DEFAULT-NAME',
      'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE',
    ],
    behaviour: { chat: { trigger: { parsedAsJson: [] } } },
  },
  {
    name: 'chat-message-attributes-parsed',
    description: 'trigger.message.Attributes (the message attributes) is parsed into an object.',
    trips: ['LIQUID-MESSAGE-ATTRIBUTES-STRING'],
    behaviour: { chat: { trigger: { parsedAsJson: ['ChannelAttributes', 'Attributes'] } } },
  },
  {
    name: 'chat-trigger-channelsid-is-service',
    description: 'trigger.message.ChannelSid holds the chat service SID.',
    trips: ['STF-LEGACY-MSG-DEFAULT-CHANNELSID'],
    behaviour: { chat: { trigger: { channelSidOf: 'service' } } },
  },
  {
    name: 'flexchannel-customer-by-prefix',
    description:
      "POST /v1/Channels finds a customer's open channel by prefix: a customer whose identity starts with another's (alice2 after alice, +15551234 after +1555123) is given that one's channel.",
    trips: ['STF-MESSAGE-TASK-PER-CUSTOMER'],
    behaviour: {
      flexChannels: {
        sameCustomer: (channelIdentity: string, identity: string) => identity.startsWith(channelIdentity),
      },
    },
  },
  {
    name: 'webchat-customer-service-admin',
    description: "The chat user Flex creates for a web chat customer's identity gets the service admin role.",
    trips: ['MSG-WEBCHAT-ANONYMOUS-IDENTITY'],
    behaviour: { chat: { customerRole: 'service admin' } },
  },
] as const satisfies readonly FaultSpec[];
