/** `true`, `1` and `yes` mean true for TaskRouter's boolean-ish strings; everything else false. */
export function truthyFlag(value: string): boolean {
  return ['true', '1', 'yes'].includes(value.trim().toLowerCase());
}
