import { flowDefinition, sendToFlexWidget, setVariablesWidget } from '../../generators/studio';
import { expect, observeReading, test, verifies } from '../fixtures';

test.describe('the widget’s transitions in a flow definition', () => {
  test(
    'a send-to-flex widget with callComplete, failedToEnqueue and callFailure, each leading on, is a valid flow',
    verifies('TRANS-WIDGET-THREE-EVENTS'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const definition = flowDefinition('incomingMessage', [
        sendToFlexWidget(
          'send_to_flex',
          { workflow, channel: routing.channels.chat.sid },
          { callComplete: 'created', failedToEnqueue: 'failed', callFailure: 'call_failed' },
        ),
        setVariablesWidget('created', { outcome: 'Task created' }),
        setVariablesWidget('failed', { outcome: 'Failed to create task' }),
        setVariablesWidget('call_failed', { outcome: 'Call failed' }),
      ]);
      const validated = await studio.validate(definition);
      expect(validated.status, 'studio.validate(…) status').toBe(200);
      expect(
        validated.json.valid,
        'valid of a flow whose Send to Flex widget leads on from every event',
      ).toBe(true);
      const created = await studio.create(definition);
      expect(created.status, 'studio.create(…) status').toBe(201);
    },
  );

  test(
    'the documented names map to the JSON events by position (recorded)',
    verifies('TRANS-EVENT-NAME-MAPPING'),
    async ({ studio, routing }, testInfo) => {
      const workflow = routing.anyoneWorkflowSid;
      const definition = flowDefinition('incomingCall', [
        sendToFlexWidget('send_to_flex', { workflow, channel: routing.channels.voice.sid }),
      ]);
      const created = await studio.create(definition);
      expect(created.status, 'studio.create(…) status').toBe(201);
      const events = (
        created.json.definition as { states: Array<{ type: string; transitions: Array<{ event: string }> }> }
      ).states
        .find((state) => state.type === 'send-to-flex')
        ?.transitions.map((transition) => transition.event);
      expect(events, "events of the Send to Flex widget's transitions, by position").toEqual([
        'callComplete',
        'failedToEnqueue',
        'callFailure',
      ]);
      observeReading(testInfo, 'TRANS-EVENT-NAME-MAPPING', 'positional');
    },
  );
});
