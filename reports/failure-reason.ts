/**
 * One line saying why a check failed, for summaries. A fast-check failure's first line only says
 * "Property failed after N tests"; the assertion that failed is in its cause, so that is shown.
 */
export function failureReason(error: string): string {
  const lines = error
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  const causeIndex = lines.findIndex((line) => line.startsWith('Caused by:'));
  if (causeIndex < 0 || !/Property failed/.test(first)) return clip(first);
  const cause = lines[causeIndex]?.replace(/^Caused by:\s*/, '') ?? '';
  const detail = lines.slice(causeIndex + 1).find((line) => /^(Expected|Received)\b/.test(line));
  return clip(`${first.replace(/^Error:\s*/, '')}: ${cause}${detail ? ` (${detail})` : ''}`);
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
