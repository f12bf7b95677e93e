import type { WidgetHandler } from '../engine';

interface VariableEntry {
  readonly key?: unknown;
  readonly value?: unknown;
}

/** `set-variables`: each `{key, value}` (value rendered) becomes `flow.variables.<key>`; event `next`. */
export const setVariables: WidgetHandler = {
  async run(run) {
    const entries = run.widget.properties.variables;
    const variables = run.execution.context.flow.variables;
    for (const entry of Array.isArray(entries) ? (entries as VariableEntry[]) : []) {
      if (typeof entry.key !== 'string' || entry.key === '') continue;
      variables[entry.key] = (await run.render(entry.value)) ?? '';
    }
    return { kind: 'transition', event: 'next' };
  },
};

/** `send-message`: the message itself is not modelled; the widget reports `sent`. */
export const sendMessage: WidgetHandler = {
  async run() {
    return { kind: 'transition', event: 'sent' };
  },
};
