import type { Condition } from '../definition';
import type { WidgetHandler } from '../engine';

/**
 * `split-based-on`: the first `match` transition whose conditions all hold for the rendered input
 * (or the condition's own rendered argument) is taken; otherwise `noMatch`.
 */
export const splitBasedOn: WidgetHandler = {
  async run(run) {
    const input = (await run.render(run.widget.properties.input)) ?? '';
    for (const transition of run.widget.transitions) {
      if (transition.event !== 'match' || !transition.conditions?.length) continue;
      let all = true;
      for (const condition of transition.conditions) {
        const argument = condition.arguments?.[0];
        const tested = argument === undefined ? input : ((await run.render(argument)) ?? '');
        const expected = (await run.render(condition.value)) ?? '';
        if (!holds(condition, tested, expected)) {
          all = false;
          break;
        }
      }
      if (all) return { kind: 'transition', event: 'match', transition };
    }
    return { kind: 'transition', event: 'noMatch' };
  },
};

function holds(condition: Condition, tested: string, expected: string): boolean {
  const list = () => expected.split(',').map((item) => item.trim().toLowerCase());
  const a = tested.toLowerCase();
  const b = expected.toLowerCase();
  switch (condition.type) {
    case 'equal_to':
      return a === b;
    case 'not_equal_to':
      return a !== b;
    case 'contains':
      return a.includes(b);
    case 'does_not_contain':
      return !a.includes(b);
    case 'starts_with':
      return a.startsWith(b);
    case 'does_not_start_with':
      return !a.startsWith(b);
    case 'matches_any_of':
      return list().includes(a);
    case 'does_not_match_any_of':
      return !list().includes(a);
    case 'is_blank':
      return tested.trim() === '';
    case 'is_not_blank':
      return tested.trim() !== '';
    case 'greater_than':
      return Number(tested) > Number(expected);
    case 'less_than':
      return Number(tested) < Number(expected);
    case 'regex':
      try {
        return new RegExp(expected).test(tested);
      } catch {
        return false;
      }
    default:
      return false;
  }
}
