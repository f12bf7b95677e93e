import type { SendToFlexProperties } from '../../generators/studio';
import type { StudioApi } from '../drivers/studio-api';
import type { Trigger } from '../drivers/triggers';
import { expect } from '../fixtures';

/**
 * A widget setting TaskRouter cannot take, through one trigger: Studio refuses the flow at
 * validation (81022), or a customer's start takes Failed to create task and creates no task.
 */
export async function expectRefusedOrFailedToCreate(
  trigger: Trigger,
  studio: StudioApi,
  properties: SendToFlexProperties,
  who: unknown,
  setting: string,
): Promise<void> {
  const created = await studio.create(trigger.definition(properties));
  if (created.status !== 201) {
    expect(created.json.code, created.text).toBe(81022);
    return;
  }
  const { task, execution } = await trigger.fire(created.json, who);
  const steps = await studio.awaitStepFrom(created.json.sid, execution!.sid, trigger.widget);
  const taken = steps.find((step) => step.transitioned_from === trigger.widget)?.name;
  expect({ task: task?.sid, taken }, `task created and event taken for ${setting}`).toEqual({
    task: undefined,
    taken: 'failedToEnqueue',
  });
}
