import fc from 'fast-check';
import { friendlyName } from '../../generators/flex-flow';
import {
  flowDefinition,
  httpRequestWidget,
  invalidDefinition,
  invalidDefinitionKinds,
  runFunctionWidget,
  sendToFlexWidget,
  setVariablesWidget,
} from '../../generators/studio';
import { expect, test, verifies } from '../fixtures';
import { scaled, weights } from '../properties';

/** The `details` of error 81022: an array of failures, directly or under `errors`. */
const failuresIn = (details: unknown): unknown[] =>
  Array.isArray(details)
    ? details
    : Array.isArray((details as { errors?: unknown })?.errors)
      ? (details as { errors: unknown[] }).errors
      : [];

test.describe('Studio flows carrying a send-to-flex widget', () => {
  test(
    'POST /v2/Flows needs FriendlyName, Status and Definition (400 / 20001 when one is left out); with all three: 201 and an FW sid',
    verifies('STF-STUDIO-FLOW-CREATE-REQUIRED'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const definition = flowDefinition('incomingMessage', [
        sendToFlexWidget('send_to_flex', { workflow, channel: routing.channels.chat.sid }),
      ]);
      for (const omitted of ['FriendlyName', 'Status', 'Definition']) {
        // studio.create checks that a refused create leaves no flow under the FriendlyName it sent
        const refused = await studio.create(definition, { [omitted]: undefined });
        expect(refused.status, `POST /v2/Flows without ${omitted}: status`).toBe(400);
        expect(refused.json?.code, `POST /v2/Flows without ${omitted}: error code`).toBe(20001);
      }
      const created = await studio.create(definition);
      expect(created.status, 'studio.create(…) status').toBe(201);
      expect(created.json.sid, 'sid of the created flow').toMatch(/^FW[0-9a-fA-F]{32}$/);
    },
  );

  test(
    'POST /v2/Flows/Validate answers 200 {"valid": true} for a valid send-to-flex flow and creates no flow',
    verifies('STF-STUDIO-VALIDATE-OK'),
    async ({ api, studio, routing, uniqueName }) => {
      const workflow = routing.anyoneWorkflowSid;
      const tag = uniqueName('validated');
      await fc.assert(
        fc.asyncProperty(friendlyName(), async (name) => {
          for (const status of ['draft', 'published']) {
            const validated = await api.post('studio', '/v2/Flows/Validate', {
              FriendlyName: `${tag} ${name}`,
              Status: status,
              Definition: JSON.stringify(
                flowDefinition('incomingMessage', [
                  sendToFlexWidget('send_to_flex', { workflow, channel: routing.channels.chat.sid }),
                ]),
              ),
            });
            expect(validated.status, `POST /v2/Flows/Validate (${status}) status`).toBe(200);
            expect(validated.json, `body of POST /v2/Flows/Validate (${status})`).toEqual({ valid: true });
          }
        }),
        scaled(weights.flow),
      );
      const stored = (await studio.listFlows()).json.flows.filter((flow) =>
        flow.friendly_name.startsWith(tag),
      );
      expect(stored, 'Validate stored the flows it validated').toEqual([]);
    },
  );

  test(
    'a definition that fails validation is refused with error 81022 and details listing the failures',
    verifies('STF-STUDIO-INVALID-DEFINITION-81022'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const settings = { workflow, channel: routing.channels.chat.sid };
      const broken = fc
        .constantFrom(...invalidDefinitionKinds)
        .chain((kind) => invalidDefinition(kind, settings));
      await fc.assert(
        fc.asyncProperty(broken, async (definition) => {
          const validated = await studio.validate(definition);
          expect(validated.status, 'studio.validate(…) status').toBe(400);
          expect(validated.json.code, 'error code of validating an invalid definition').toBe(81022);
          expect(failuresIn(validated.json.details).length, validated.text).toBeGreaterThan(0);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'two widgets with the same name make the definition invalid (81022)',
    verifies('STF-STUDIO-UNIQUE-WIDGET-NAMES'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const settings = { workflow, channel: routing.channels.chat.sid };
      await fc.assert(
        fc.asyncProperty(invalidDefinition('duplicate-widget-name', settings), async (definition) => {
          const validated = await studio.validate(definition);
          expect(validated.status, 'studio.validate(…) status').toBe(400);
          expect(
            validated.json.code,
            'error code of validating a definition with two widgets of one name',
          ).toBe(81022);
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a transition leading to a widget that does not exist makes the definition invalid (81022)',
    verifies('STF-STUDIO-TRANSITION-TARGET-EXISTS'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const settings = { workflow, channel: routing.channels.chat.sid };
      await fc.assert(
        fc.asyncProperty(invalidDefinition('transition-to-missing-widget', settings), async (definition) => {
          const validated = await studio.validate(definition);
          expect(validated.status, 'studio.validate(…) status').toBe(400);
          expect(validated.json.code, 'error code of validating a transition to a missing widget').toBe(
            81022,
          );
        }),
        scaled(weights.flow),
      );
    },
  );

  test(
    'a send-to-flex state with workflow, channel, attributes, priority, timeout, waitUrl and waitUrlMethod is stored as sent',
    verifies('STF-WIDGET-JSON-SHAPE'),
    async ({ api, studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const definition = flowDefinition('incomingCall', [
        sendToFlexWidget('SendCallToAgent', {
          workflow,
          channel: routing.channels.voice.sid,
          attributes:
            '{ "type": "inbound", "name": "{{trigger.call.From}}", "conversations": {"hang_up_by": "Customer"} }',
          priority: '0',
          timeout: '3600',
          waitUrl: 'https://example.com/features/callback-and-voicemail/studio/wait-experience',
          waitUrlMethod: 'POST',
        }),
      ]);
      const created = await studio.create(definition);
      expect(created.status, 'studio.create(…) status').toBe(201);
      const fetched = await api.get<{ definition: unknown }>('studio', `/v2/Flows/${created.json.sid}`);
      expect(fetched.json.definition, 'stored definition against the one sent').toEqual(definition);
    },
  );

  test(
    'the flow shapes of public Flex projects (run-function → split → send-to-flex; set-variables → send-to-flex) are valid',
    verifies('STF-WIDGET-JSON-SHAPE'),
    async ({ studio, routing }) => {
      const workflow = routing.anyoneWorkflowSid;
      const schedule = flowDefinition('incomingCall', [
        runFunctionWidget(
          'check_schedule',
          'https://example.com/check-schedule',
          { name: 'Example' },
          {
            success: 'is_open',
            fail: 'send_to_flex',
          },
        ),
        {
          name: 'is_open',
          type: 'split-based-on',
          transitions: [
            { event: 'noMatch' },
            {
              event: 'match',
              next: 'send_to_flex',
              conditions: [
                {
                  friendly_name: 'If value equal_to true',
                  arguments: ['{{widgets.check_schedule.parsed.isOpen}}'],
                  type: 'equal_to',
                  value: 'true',
                },
              ],
            },
          ],
          properties: { input: '{{widgets.check_schedule.parsed.isOpen}}' },
        },
        sendToFlexWidget('send_to_flex', { workflow, channel: routing.channels.voice.sid }),
      ]);
      const parking = flowDefinition('incomingConversationMessage', [
        setVariablesWidget('set_sales', { selected_queue: 'sales' }, 'send_to_flex'),
        sendToFlexWidget('send_to_flex', {
          workflow,
          channel: routing.channels.chat.sid,
          attributes: '{ "selected_queue": "{{flow.variables.selected_queue}}" }',
        }),
      ]);
      const lookup = flowDefinition('incomingMessage', [
        httpRequestWidget('lookup', 'https://example.com/customer', {
          success: 'send_to_flex',
          failed: 'send_to_flex',
        }),
        sendToFlexWidget('send_to_flex', {
          workflow,
          channel: routing.channels.chat.sid,
          attributes: '{"customer_attributes": {{widgets.lookup.parsed | to_json}}}',
        }),
      ]);
      for (const definition of [schedule, parking, lookup]) {
        const validated = await studio.validate(definition);
        expect(validated.status, 'studio.validate(…) status').toBe(200);
        expect(validated.json.valid, "valid of a public Flex project's flow shape").toBe(true);
      }
    },
  );
});
