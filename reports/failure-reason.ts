/** A label (the message an assertion was given) is cut here in one-line reasons; the report has it whole. */
const labelLength = 100;

/**
 * One line saying why a check failed, for summaries: the assertion's label (its message) and what
 * it compared, `Flex Flow create status — expected 201, received 200`. A fast-check failure's first
 * line only says "Property failed after N tests"; the assertion that failed is in its cause, so
 * that is shown after it.
 */
export function failureReason(error: string): string {
  const lines = error
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  const causeIndex = lines.findIndex((line) => line.startsWith('Caused by:'));
  if (causeIndex < 0 || !/Property failed/.test(first)) return clip(assertionReason(lines));
  const cause = lines
    .slice(causeIndex)
    .map((line, index) => (index === 0 ? line.replace(/^Caused by:\s*/, '') : line));
  return clip(`${withoutErrorPrefix(first)}: ${assertionReason(cause)}`);
}

/** `label — expected X, received Y`, or the matcher in place of a label the assertion was not given. */
function assertionReason(lines: readonly string[]): string {
  const head = withoutErrorPrefix(lines[0] ?? '');
  const matcher = /^expect\(.*?\)(?:\.not)?\.(\w+)\(/.exec(head);
  const label = matcher ? `expect(…).${matcher[1]}` : clipLabel(head);
  const expected = lines.find((line) => /^Expected\b[^:]*:/.test(line));
  const received = lines.find((line) => /^Received\b[^:]*:/.test(line));
  const compared = [expected, received].filter((line): line is string => line !== undefined).map(lowerFirst);
  if (compared.length > 0) return `${label} — ${compared.join(', ')}`;
  const unexpected = firstReceivedOnly(lines);
  return unexpected === undefined ? label : `${label} — received ${unexpected}`;
}

/**
 * A deep-equality diff (`toEqual`) has no `Expected:` line: its `+` lines are what was received and
 * not expected. The first item of them (`"$.sid: expected …"`), not the `Array [` that opens them.
 */
function firstReceivedOnly(lines: readonly string[]): string | undefined {
  const item = lines.find((line) => /^\+\s+(?!Received\b)(?!(Array|Object) [[{]$)[^\s\]}]/.test(line));
  return item?.replace(/^\+\s+/, '').replace(/,$/, '');
}

/** `Expected: 201` → `expected 201`; `Received string: "x"` → `received string "x"`. */
function lowerFirst(line: string): string {
  return line.replace(
    /^(\w+)([^:]*):\s*/,
    (_, word: string, rest: string) => `${word.toLowerCase()}${rest} `,
  );
}

function withoutErrorPrefix(line: string): string {
  return line.replace(/^(Error|AssertionError|TypeError):\s*/, '');
}

function clipLabel(text: string): string {
  return text.length > labelLength ? `${text.slice(0, labelLength - 1)}…` : text;
}

function clip(text: string): string {
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}
