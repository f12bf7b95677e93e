import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a Playwright TestError this reads: its stack and its causes'. */
export interface StackedError {
  readonly stack?: string;
  readonly cause?: StackedError;
}

/** Frames that are the suites' plumbing, not a check: a failure is never "at" them. */
const plumbing = /[/\\]suites[/\\](assertions|fixtures|evidence|rules)\.ts$/;

/**
 * Where the failing assertion is and what it compares: `suites/flex-flow/create.spec.ts:31:
 * expect(created.status, 'Flex Flow create status').toBe(201)`. Taken from the innermost cause
 * (a property's failing assertion is the cause of fast-check's error): its first stack frame in a
 * file under suites/, and the statement written there. Undefined when no frame is in suites/.
 */
export function assertionSite(error: StackedError, root: string): string | undefined {
  const chain: StackedError[] = [];
  for (let current: StackedError | undefined = error; current; current = current.cause)
    chain.unshift(current);
  for (const link of chain) {
    const frame = suiteFrame(link.stack ?? '', root);
    if (frame) return `${relative(root, frame.file)}:${frame.line}: ${statementAt(frame.file, frame.line)}`;
  }
  return undefined;
}

function suiteFrame(stack: string, root: string): { file: string; line: number } | undefined {
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^():\s]+\.ts):(\d+):\d+\)?/g)) {
    const file = (match[1] ?? '').replace(/^file:\/\//, '');
    if (!file.startsWith(join(root, 'suites/')) || plumbing.test(file)) continue;
    return { file, line: Number(match[2]) };
  }
  return undefined;
}

/**
 * The statement on `line`, on one line: from where it starts (a frame of a multi-line `expect(…)`
 * points at its matcher, a few lines down) to where its brackets close, five lines at most.
 */
function statementAt(file: string, line: number): string {
  let source: string[];
  try {
    source = readFileSync(file, 'utf8').split('\n');
  } catch {
    return '';
  }
  const from = line - 1;
  const opening = [0, 1, 2, 3, 4].find((back) => (source[from - back] ?? '').includes('expect'));
  const start = from - (opening ?? 0);
  const lines = source.slice(start, start + 5);
  let depth = 0;
  const taken: string[] = [];
  for (const text of lines) {
    taken.push(text.trim());
    for (const char of text) {
      if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) depth--;
    }
    if (depth <= 0) break;
  }
  const statement = taken.join(' ').replace(/;\s*$/, '').replace(/\s+/g, ' ');
  return statement.length > 200 ? `${statement.slice(0, 199)}…` : statement;
}
