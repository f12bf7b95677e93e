import type { FaultSpec } from '../fault-spec';

/** Deliberate bugs in Flex's channel resources: Interactions, legacy chat Channels and WebChannels. */
export const flexChannelFaults = [
  {
    name: 'interactions-channel-optional',
    description: 'POST /v1/Interactions without Channel is accepted as a chat channel.',
    trips: ['CONV-INTERACTION-REQUIRES-CHANNEL'],
  },
  {
    name: 'interactions-create-returns-201',
    description: 'POST /v1/Interactions answers 201 like other creates.',
    trips: ['WIRE-INTERACTIONS-CREATE-200'],
  },
  {
    name: 'interactions-sid-not-kd',
    description: 'Interaction SIDs start with KY.',
    trips: ['CONV-INTERACTION-SID-KD'],
  },
  {
    name: 'interactions-create-no-task',
    description: 'An Interaction is accepted but its Routing never becomes a task.',
    trips: ['CONV-INTERACTION-CREATES-TASK', 'CONV-WEBHOOK-CREATES-INTERACTION', 'CONV-STUDIO-OR-WEBHOOK'],
  },
  {
    name: 'interactions-attributes-flattened',
    description: 'Nested Routing attributes reach the task as JSON strings.',
    trips: ['CONV-INTERACTION-ROUTING-AS-IS'],
  },
] as const satisfies readonly FaultSpec[];

/** Deliberate bugs in the legacy chat channels (`/v1/Channels`, `/v1/WebChannels`) and the chat messages they route. */
export const flexLegacyChannelFaults = [
  {
    name: 'flexchannel-identity-optional',
    description: 'POST /v1/Channels and /v1/WebChannels accept a request without Identity.',
    trips: ['MSG-CHANNEL-CREATE-REQUIRED', 'MSG-WEBCHANNEL-CREATE-REQUIRED'],
  },
  {
    name: 'flexchannel-task-sid-echoed',
    description: 'A TaskSid sent for a studio or external Flex Flow is stored on the chat channel.',
    trips: ['MSG-CHANNEL-TASK-SID'],
  },
  {
    name: 'flexchannel-list-key-channels',
    description: 'Chat channel lists put their records under "channels".',
    trips: ['MSG-CHANNEL-LIST-KEY'],
  },
  {
    name: 'flexchannel-no-studio-webhook',
    description: 'A studio Flex Flow’s channel gets no studio webhook: messages never reach the flow.',
    trips: ['MSG-STUDIO-ROUTES-FIRST-MESSAGE'],
  },
  {
    name: 'flexchannel-flow-sid-cached',
    description: 'New channels keep using the Studio flow a Flex Flow first pointed at.',
    trips: ['MSG-FLOWSID-UPDATE-REROUTES'],
  },
  {
    name: 'flexchannel-channel-type-missing',
    description: 'The chat channel attributes leave out channel_type.',
    trips: ['MSG-CHANNELTYPE-IN-TASK-ATTRIBUTES', 'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE'],
  },
  {
    name: 'flexchannel-task-integration-no-task',
    description: 'A task Flex Flow creates no task for a new channel.',
    trips: ['MSG-TASK-INTEGRATION-CREATES-TASK'],
  },
  {
    name: 'flexchannel-external-get',
    description: 'The external webhook is requested with GET.',
    trips: ['MSG-EXTERNAL-WEBHOOK-POST'],
  },
  {
    name: 'flexchannel-external-body-missing',
    description: 'The external webhook request carries an empty Body.',
    trips: ['MSG-EXTERNAL-WEBHOOK-BODY'],
  },
  {
    name: 'flexchannel-retry-off-by-one',
    description: 'A failing webhook is attempted RetryCount + 2 times.',
    trips: ['MSG-RETRY-ON-FAILURE'],
  },
  {
    name: 'flexchannel-long-lived-ignored',
    description: 'A long-lived channel is replaced after its task ends, like any other.',
    trips: ['MSG-LONG-LIVED-KEEPS-CHANNEL'],
  },
  {
    name: 'chat-channel-attributes-unparsed',
    description: 'trigger.message.ChannelAttributes is the attributes text, not parsed JSON.',
    trips: [
      'LIQUID-CHANNEL-ATTRIBUTES-PARSED',
      'STF-LEGACY-MSG-DEFAULT-NAME',
      'STF-LEGACY-MSG-DEFAULT-CHANNELTYPE',
    ],
  },
  {
    name: 'chat-message-attributes-parsed',
    description: 'trigger.message.Attributes (the message attributes) is parsed into an object.',
    trips: ['LIQUID-MESSAGE-ATTRIBUTES-STRING'],
  },
  {
    name: 'chat-trigger-channelsid-is-service',
    description: 'trigger.message.ChannelSid holds the chat service SID.',
    trips: ['STF-LEGACY-MSG-DEFAULT-CHANNELSID'],
  },
] as const satisfies readonly FaultSpec[];
