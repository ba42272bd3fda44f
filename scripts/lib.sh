# Shared by the scripts: project-local Python venv with the AWS emulator, the emulator's lifecycle,
# and the Maven build. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
TOOLS="$ROOT/.tools"
MOTO_VERSION="5.2.5"
CFN_LINT_VERSION="1.*"
SAM_TRANSLATOR_VERSION="1.115.0"
ICALENDAR_VERSION="7.3.0"
CHECKOV_VERSION="3.2.459"
RIE_MODULE="github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie"
RIE_VERSION="v0.0.0-20261030222936-bef5c4ba774d"
IAM_SIMULATE_VERSION="0.1.173"
MOTO_HOST="127.0.0.1"
MOTO_PORT="${MOTO_PORT:-5055}"
export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://$MOTO_HOST:$MOTO_PORT}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_DEFAULT_REGION="$AWS_REGION"
MVN=(mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml")

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }

# Installs moto[server], cfn-lint, aws-sam-translator and icalendar (the calendar feed's tests parse it with a real
# iCalendar parser) into .venv on first use (needs python3 with venv, or apt's python3-venv).
ensure_venv() {
  local installed="$VENV/.installed-moto-$MOTO_VERSION-sam-translator-$SAM_TRANSLATOR_VERSION-icalendar-$ICALENDAR_VERSION"
  if [ -x "$VENV/bin/moto_server" ] && [ -x "$VENV/bin/cfn-lint" ] && [ -f "$installed" ]; then return; fi
  log "installing moto[server]==$MOTO_VERSION, cfn-lint, aws-sam-translator==$SAM_TRANSLATOR_VERSION and icalendar==$ICALENDAR_VERSION into .venv (first run only)"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    log "python3 venv module missing: installing python3-venv"
    (apt-get update -qq && apt-get install -y -qq python3-venv) >&2
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION" "cfn-lint==$CFN_LINT_VERSION" \
    "aws-sam-translator==$SAM_TRANSLATOR_VERSION" "icalendar==$ICALENDAR_VERSION" >&2
  touch "$installed"
}

# checkov (the template's security and reliability checks) in its own venv under .tools/, on first use:
# its dependencies pin versions that cfn-lint's and moto's do not agree with.
ensure_checkov() {
  local venv="$TOOLS/checkov-venv"
  if [ -x "$venv/bin/checkov" ] && [ -f "$venv/.installed-$CHECKOV_VERSION" ]; then return; fi
  log "installing checkov==$CHECKOV_VERSION into .tools/checkov-venv (first run only)"
  mkdir -p "$TOOLS"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "checkov==$CHECKOV_VERSION" >&2
  touch "$venv/.installed-$CHECKOV_VERSION"
}

# The Lambda runtime pieces, into .tools/ on first use: the Runtime Interface Emulator (built with go) and the
# managed Java runtime's libraries (the Runtime Interface Client and its dependencies, from Maven).
ensure_lambda_tools() {
  if [ ! -x "$TOOLS/bin/aws-lambda-rie" ]; then
    log "building the Lambda Runtime Interface Emulator into .tools/bin (first run only: go install, about a minute)"
    mkdir -p "$TOOLS/bin"
    GOBIN="$TOOLS/bin" go install "$RIE_MODULE@$RIE_VERSION" >&2
  fi
  if [ -z "$(ls "$TOOLS/lambda-runtime"/aws-lambda-java-runtime-interface-client-*.jar 2>/dev/null)" ]; then
    log "fetching the Lambda Runtime Interface Client and its libraries into .tools/lambda-runtime (first run only)"
    mvn -B -q --no-transfer-progress -f "$ROOT/scripts/harness/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$TOOLS/lambda-runtime" >&2
  fi
  ensure_iam_simulate
}

# The IAM policy evaluator the harness checks every recorded call with (npm; Node.js is on the machines).
ensure_iam_simulate() {
  local dir="$TOOLS/iam-simulate"
  if [ -f "$dir/.installed-$IAM_SIMULATE_VERSION" ]; then return; fi
  log "installing @cloud-copilot/iam-simulate@$IAM_SIMULATE_VERSION into .tools/iam-simulate (first run only)"
  if ! command -v npm >/dev/null; then
    log "Node.js and npm missing (the harness's IAM check runs on them): installing them with apt-get"
    (apt-get update -qq && apt-get install -y -qq nodejs npm) >&2
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent --save-exact \
    "@cloud-copilot/iam-simulate@$IAM_SIMULATE_VERSION") >&2
  touch "$dir/.installed-$IAM_SIMULATE_VERSION"
}

# A cheap check (moto's data.json dumps every resource: slow once the emulator holds data).
moto_running() {
  curl -sS -o /dev/null --max-time 5 "http://$MOTO_HOST:$MOTO_PORT/moto-api/" 2>/dev/null
}

# Starts moto on MOTO_PORT unless one already answers there; STARTED_MOTO=1 when this call started it.
STARTED_MOTO=0
start_moto() {
  if moto_running; then log "reusing the emulator at $AWS_ENDPOINT_URL"; return; fi
  ensure_venv
  mkdir -p "$ROOT/target"
  log "starting the emulator (moto $MOTO_VERSION) at $AWS_ENDPOINT_URL"
  # one request at a time: see scripts/emulator.py
  # EMULATOR_ARGS: e.g. --latency-ms 50 (benchmarks: see scripts/emulator.py)
  # shellcheck disable=SC2086
  "$VENV/bin/python" "$ROOT/scripts/emulator.py" "$MOTO_HOST" "$MOTO_PORT" ${EMULATOR_ARGS:-} > "$ROOT/target/moto.log" 2>&1 &
  MOTO_PID=$!
  STARTED_MOTO=1
  for _ in $(seq 1 100); do
    if moto_running; then return; fi
    if ! kill -0 "$MOTO_PID" 2>/dev/null; then tail -5 "$ROOT/target/moto.log" >&2; log "the emulator failed to start"; exit 1; fi
    sleep 0.2
  done
  log "the emulator did not answer in 20 s"; exit 1
}

stop_moto() {
  if [ "$STARTED_MOTO" = 1 ] && [ -n "${MOTO_PID:-}" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
}

# Builds every module once (no tests) and writes the local tools' classpath to target/local-api.classpath.
build_local() {
  log "building (mvn install, tests skipped; the first run also downloads the dependencies: a few minutes)"
  mvn -B --no-transfer-progress -Dstyle.color=never -f "$ROOT/pom.xml" install -DskipTests \
    | grep --line-buffered -E "^\[INFO\] Building [a-z-]+ [0-9]|BUILD|ERROR" | sed -u 's/^\[INFO\] /  /' >&2
  "${MVN[@]}" -pl functions/local-api dependency:build-classpath -Dmdep.outputFile="$ROOT/target/local-api.classpath" >/dev/null
  touch "$ROOT/target/local-api.classpath"
}

# build_local, unless nothing under functions/ changed since the last build
build_local_if_stale() {
  if [ ! -f "$ROOT/target/local-api.classpath" ] || [ -n "$(find "$ROOT/functions" "$ROOT/pom.xml" -newer "$ROOT/target/local-api.classpath" -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -not -path '*/target/*' | head -1)" ]; then
    build_local
  fi
}

local_java() {
  java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dtemplate.path="$ROOT/template.yaml" \
    -cp "$ROOT/functions/local-api/target/classes:$(cat "$ROOT/target/local-api.classpath")" "$@"
}

# The same JVM in the background, its output to LOG: LOCAL_JAVA_PID is the JVM itself (not a subshell
# around it), so that killing it stops it.
start_local_java() {
  local log="$1"; shift
  java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dtemplate.path="$ROOT/template.yaml" \
    -cp "$ROOT/functions/local-api/target/classes:$(cat "$ROOT/target/local-api.classpath")" "$@" > "$log" 2>&1 &
  LOCAL_JAVA_PID=$!
}
