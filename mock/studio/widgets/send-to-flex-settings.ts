import type { WidgetOutcome, WidgetRun } from '../engine';
import { TemplateError, writtenAs } from '../liquid';
import type {
  SendToFlexBehaviour,
  SendToFlexProperty,
  SendToFlexTrigger,
  SendToFlexVariable,
  TaskSetting,
} from '../studio-behaviour';
import { createTask } from '../task-routing';

/** A send-to-flex widget's properties after Liquid, as the three channel paths use them. */
export interface SendToFlexSettings {
  readonly workflow: string;
  /** The rendered attributes, as the task gets them; undefined when they make none (not a JSON object). */
  readonly attributes: Record<string, unknown> | undefined;
  /** Channel, priority and timeout as passed on to the task; undefined when not passed. */
  readonly channel: string | undefined;
  readonly priority: string | undefined;
  readonly timeout: string | undefined;
  readonly waitUrl: string | undefined;
  readonly waitUrlMethod: string | undefined;
}

/** The kind of trigger that started the run. */
export function triggerOf(run: WidgetRun): SendToFlexTrigger {
  const trigger = run.execution.context.trigger;
  if ('call' in trigger) return 'call';
  return 'conversation' in trigger ? 'conversation' : 'message';
}

/** The behaviour the widget follows for the run's kind of trigger. */
export function behaviourOf(run: WidgetRun): SendToFlexBehaviour {
  const behaviour = run.ctx.behaviour.studio.sendToFlex;
  return behaviour.forTrigger(triggerOf(run), behaviour);
}

/** Reads and renders the widget's properties; a template that cannot render throws TemplateError. */
export async function readSettings(run: WidgetRun): Promise<SendToFlexSettings> {
  const properties = run.widget.properties;
  const behaviour = behaviourOf(run);
  /** The value of property `name`, rendered with Liquid or as written. */
  const propertyValue = (name: SendToFlexProperty, value: unknown) =>
    behaviour.renderedProperties.includes(name) ? run.render(value) : Promise.resolve(writtenAs(value));
  const read = (name: SendToFlexProperty) => propertyValue(name, properties[name]);
  const readNumber = (name: 'priority' | 'timeout') => {
    const value = properties[name];
    const readable = (behaviour.numberPropertyTypes as readonly string[]).includes(typeof value);
    return propertyValue(name, readable ? value : undefined);
  };
  const passed = (setting: TaskSetting, value: string) =>
    behaviour.taskSettings.includes(setting) ? value : undefined;

  const rendered = async (name: 'priority' | 'timeout') => {
    const text = nonEmpty(await readNumber(name));
    return text === undefined ? behaviour.defaults[name] : behaviour.numberText(name, text);
  };
  const priority = await rendered('priority');
  const timeout = await rendered('timeout');
  const template = typeof properties.attributes === 'string' ? properties.attributes : '{}';
  const attributes = behaviour.attributesOf((await propertyValue('attributes', template)) ?? '');
  const waitUrl = nonEmpty(await read('waitUrl'));

  return {
    workflow: (await read('workflow')) ?? '',
    attributes,
    channel: passed('channel', (await read('channel')) ?? ''),
    priority: passed('priority', priority),
    timeout: passed(
      'timeout',
      Number(timeout) > behaviour.timeoutMax ? String(behaviour.timeoutMax) : timeout,
    ),
    waitUrl,
    waitUrlMethod: nonEmpty(await read('waitUrlMethod')),
  };
}

/** Settings, or the reason the widget cannot use them (a template that fails to render). */
export async function trySettings(run: WidgetRun): Promise<SendToFlexSettings | string> {
  try {
    return await readSettings(run);
  } catch (error) {
    if (error instanceof TemplateError) return `a property did not render: ${error.message}`;
    throw error;
  }
}

const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** The task a Send to Flex widget created, as TaskRouter (or the Interaction) answered it. */
export interface CreatedTask {
  readonly sid: string;
  readonly attributes?: unknown;
  readonly age?: unknown;
}

/** POST /v1/Workspaces/{WS}/Tasks with the widget's settings; undefined when TaskRouter refuses it. */
export async function createTaskFor(
  run: WidgetRun,
  settings: SendToFlexSettings,
  attributes: Record<string, unknown>,
): Promise<CreatedTask | undefined> {
  const created = await createTask(run.ctx, {
    workflowSid: settings.workflow,
    taskChannel: settings.channel,
    attributes: JSON.stringify(attributes),
    priority: settings.priority,
    timeout: settings.timeout,
  });
  return created.ok ? created.task : undefined;
}

/**
 * Creates the task of a message or a conversation and takes Task created (callComplete), in the
 * order the behaviour's `transitionTiming` names for the trigger: once the task exists, its
 * variables stored ('after-task'); or at once, the task being created when the run stops
 * ('before-task'). A refused task takes the failure transition.
 */
export async function taskCreated(
  run: WidgetRun,
  trigger: 'message' | 'conversation',
  create: () => Promise<CreatedTask | undefined>,
): Promise<WidgetOutcome> {
  if (behaviourOf(run).transitionTiming[trigger] === 'before-task') {
    run.execution.deferred.push(async () => {
      const task = await create();
      if (task) Object.assign(run.execution.context.widgets[run.widget.name] ?? {}, taskVariables(run, task));
    });
    return { kind: 'transition', event: 'callComplete', variables: {} };
  }
  const task = await create();
  if (!task) return failed(run);
  return { kind: 'transition', event: 'callComplete', variables: taskVariables(run, task) };
}

/** The variables the widget stores of those it computed, in the order computed. */
export function stored(
  run: WidgetRun,
  variables: Partial<Record<SendToFlexVariable, unknown>>,
): Record<string, unknown> {
  const kept: readonly string[] = behaviourOf(run).storedVariables;
  return Object.fromEntries(Object.entries(variables).filter(([name]) => kept.includes(name)));
}

/** The widget variables stored once a task exists: Age (seconds), Attributes and TaskSid. */
export function taskVariables(run: WidgetRun, task: CreatedTask): Record<string, unknown> {
  return stored(run, {
    Age: typeof task.age === 'number' ? task.age : 0,
    Attributes: typeof task.attributes === 'string' ? task.attributes : '{}',
    TaskSid: task.sid,
  });
}

/** TaskRouter refused the task of a message or conversation: Failed to create task. */
export function failed(run: WidgetRun): WidgetOutcome {
  return { kind: 'transition', event: behaviourOf(run).outcomeEvents.taskRefused };
}

/** The widget's properties make a message or conversation no task: Failed to create task. */
export function unbuildable(run: WidgetRun): WidgetOutcome {
  return { kind: 'transition', event: behaviourOf(run).outcomeEvents.taskUnbuildable };
}
