#!/usr/bin/env bash
# The run step of action.yml: `flex-conformance run` with the action's inputs (the INPUT_*
# variables the step sets), then the report's summary.md (and the expected-failures gate) as the
# job summary, and the exit code, verdict and report folder as step outputs. Exits as the run did.
set -uo pipefail

args=(run --target "$INPUT_TARGET" --out "$INPUT_OUT")
while IFS= read -r pattern; do
  if [ -n "$pattern" ]; then args+=(--grep "$pattern"); fi
done <<<"${INPUT_GREP:-}"
flag() {
  if [ -n "$2" ]; then args+=("$1" "$2"); fi
}
flag --expected-failures "${INPUT_EXPECTED_FAILURES:-}"
flag --runs "${INPUT_RUNS:-}"
flag --seed "${INPUT_SEED:-}"
flag --shard "${INPUT_SHARD:-}"
flag --workers "${INPUT_WORKERS:-}"
flag --account "${INPUT_ACCOUNT:-}"
flag --max-requests "${INPUT_MAX_REQUESTS:-}"
flag --voice-number "${INPUT_VOICE_NUMBER:-}"
flag --sms-numbers "${INPUT_SMS_NUMBERS:-}"
flag --public-url "${INPUT_PUBLIC_URL:-}"
flag --stub-port "${INPUT_STUB_PORT:-}"
flag --record "${INPUT_RECORD:-}"

log="$(mktemp "${RUNNER_TEMP:-/tmp}/flex-conformance-XXXXXX.log")"
node "$GITHUB_ACTION_PATH/cli/bin.mjs" "${args[@]}" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}

report="$INPUT_OUT/conformance.json"
verdict=$(node -e 'const fs = require("node:fs"); try { process.stdout.write(String(JSON.parse(fs.readFileSync(process.argv[1], "utf8")).verdict)); } catch { process.stdout.write("none"); }' "$report")
{
  echo "exit-code=$code"
  echo "verdict=$verdict"
  echo "report=$INPUT_OUT"
} >>"$GITHUB_OUTPUT"

if [ "${INPUT_JOB_SUMMARY:-true}" = true ]; then
  if [ -f "$INPUT_OUT/summary.md" ]; then
    cat "$INPUT_OUT/summary.md" >>"$GITHUB_STEP_SUMMARY"
  else
    { echo '### flex-conformance: no report'; echo; echo "\`flex-conformance run\` exited $code:"; echo; echo '```'; tail -n 20 "$log"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
  fi
  if grep -q '^expected failures' "$log"; then
    { echo; echo '```'; sed -n '/^expected failures/,/^gate:/p' "$log"; echo '```'; } >>"$GITHUB_STEP_SUMMARY"
  fi
fi
rm -f "$log"
exit "$code"
