import { parseJsonObject } from '../../core/json';
import type { WidgetOutcome, WidgetRun } from '../engine';
import { TemplateError } from '../liquid';

/** The widget's defaults where the Send to Flex page gives them: priority 0, timeout 3600 (1 hour). */
export const defaultPriority = '0';
export const defaultTimeout = '3600';
const ONE_WEEK = 604_800;

/** A send-to-flex widget's properties after Liquid, as the three channel paths use them. */
export interface SendToFlexSettings {
  readonly workflow: string;
  readonly channel: string;
  /** The rendered attributes, parsed; undefined when they are not a JSON object. */
  readonly attributes: Record<string, unknown> | undefined;
  /** Priority and timeout as sent to TaskRouter; undefined when not sent. */
  readonly priority: string | undefined;
  readonly timeout: string | undefined;
  readonly waitUrl: string | undefined;
  readonly waitUrlMethod: string | undefined;
}

/** Reads and renders the widget's properties; a template that cannot render throws TemplateError. */
export async function readSettings(run: WidgetRun): Promise<SendToFlexSettings> {
  const properties = run.widget.properties;
  const { ctx } = run;
  const stringsIgnored = (value: unknown) =>
    ctx.fault('stf-string-values-ignored') && typeof value === 'string' ? undefined : value;

  let priority = nonEmpty(await run.render(stringsIgnored(properties.priority)));
  priority ??= ctx.fault('stf-priority-default-1') ? '1' : defaultPriority;
  if (ctx.fault('stf-priority-ignored')) priority = undefined;

  let timeout = nonEmpty(await run.render(stringsIgnored(properties.timeout)));
  timeout ??= ctx.fault('stf-timeout-default-60') ? '60' : defaultTimeout;
  if (ctx.fault('stf-timeout-ignored')) timeout = undefined;
  if (ctx.fault('stf-timeout-max-one-week') && timeout !== undefined && Number(timeout) > ONE_WEEK)
    timeout = String(ONE_WEEK);

  const template = typeof properties.attributes === 'string' ? properties.attributes : '{}';
  const rendered = ctx.fault('liquid-not-rendered') ? template : await run.renderTemplate(template);

  const rawWaitUrl = properties.waitUrl;
  const waitUrl = ctx.fault('stf-wait-url-unrendered')
    ? nonEmpty(typeof rawWaitUrl === 'string' ? rawWaitUrl : undefined)
    : nonEmpty(await run.render(rawWaitUrl));

  return {
    workflow: (await run.render(properties.workflow)) ?? '',
    channel: ctx.fault('stf-channel-ignored') ? 'default' : ((await run.render(properties.channel)) ?? ''),
    attributes: ctx.fault('stf-attributes-nested-stringified')
      ? stringifyNested(parseJsonObject(rendered))
      : parseJsonObject(rendered),
    priority,
    timeout,
    waitUrl,
    waitUrlMethod: ctx.fault('stf-wait-method-dropped')
      ? undefined
      : nonEmpty(await run.render(properties.waitUrlMethod)),
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

/** Fault `stf-attributes-nested-stringified`: nested objects and arrays become JSON text. */
function stringifyNested(
  attributes: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attributes) return attributes;
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
    ]),
  );
}

/** The widget variables stored once a task exists: TaskSid, Age (seconds) and Attributes. */
export function taskVariables(
  run: WidgetRun,
  task: { readonly sid: string; readonly attributes?: unknown; readonly age?: unknown },
): Record<string, unknown> {
  const variables: Record<string, unknown> = {
    Age: typeof task.age === 'number' ? task.age : 0,
    Attributes: typeof task.attributes === 'string' ? task.attributes : '{}',
  };
  if (!run.ctx.fault('stf-tasksid-not-stored')) variables.TaskSid = task.sid;
  return variables;
}

/** TaskRouter refused the task (or it could not be built): Failed to create task. */
export function failed(run: WidgetRun): WidgetOutcome {
  if (run.ctx.fault('stf-taskrouter-error-completes')) return { kind: 'transition', event: 'callComplete' };
  if (run.ctx.fault('stf-message-error-call-failure')) return { kind: 'transition', event: 'callFailure' };
  return { kind: 'transition', event: 'failedToEnqueue' };
}
