import fc from 'fast-check';
import { invalidDefinition } from '../../generators/studio';
import { expect, observeReading, test, verifies } from '../fixtures';
import { samplesOf, scaled, weights } from '../properties';

/** The `details` of error 81022 as text, to find the property a failure names. */
const detailsText = (body: { details?: unknown }) => JSON.stringify(body.details ?? null);

for (const [property, rule, kind] of [
  ['workflow', 'STF-REQUIRES-WORKFLOW', 'missing-workflow'],
  ['channel', 'STF-REQUIRES-CHANNEL', 'missing-channel'],
] as const) {
  test.describe(`a send-to-flex widget without a ${property}`, () => {
    test(
      `fails validation: 81022 with details naming ${property}`,
      verifies(rule),
      async ({ studio, routing }) => {
        const workflow = routing.anyoneWorkflowSid;
        await fc.assert(
          fc.asyncProperty(
            invalidDefinition(kind, { workflow, channel: routing.channels.chat.sid }),
            async (definition) => {
              const validated = await studio.validate(definition);
              expect(validated.status, 'studio.validate(…) status').toBe(400);
              expect(validated.json.code, `error code of validating a definition without ${property}`).toBe(
                81022,
              );
              expect(
                detailsText(validated.json),
                `validation details of a definition without ${property}`,
              ).toContain(property);
            },
          ),
          scaled(weights.flow),
        );
      },
    );

    test(
      `cannot be published as a valid flow: refused with 81022 or stored with valid false (reported)`,
      verifies(rule),
      async ({ studio, routing }, testInfo) => {
        const workflow = routing.anyoneWorkflowSid;
        const [definition] = samplesOf(
          invalidDefinition(kind, { workflow, channel: routing.channels.chat.sid }),
          1,
          83,
        );
        const created = await studio.create(definition);
        if (created.status === 201) {
          observeReading(testInfo, rule, 'stored-invalid');
          expect(created.json.valid, 'a flow without the required property was stored as valid').toBe(false);
          expect(created.json.errors.length, `errors of a flow stored without ${property}`).toBeGreaterThan(
            0,
          );
        } else {
          observeReading(testInfo, rule, 'refused');
          expect(created.status, 'studio.create(…) status').toBe(400);
          expect(created.json.code, `error code of creating a flow without ${property}`).toBe(81022);
        }
      },
    );
  });
}
