#!/usr/bin/env bash
# The intake benchmark: builds what is missing (a reactor `mvn package`, never `install`), starts the suite with
# deploy/run-local.sh unless one already answers on the ports, runs io.mubiao.benchmark.Benchmark against it with
# an admin token, then stops what it started. Usage and settings: deploy/benchmark.sh --help, deploy/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(target-service progress-service report-service)

usage() {
    cat <<EOF
Usage: deploy/benchmark.sh [--quick] [--counties N --indicators N --days N] [--skip-kafka] [--rebuild] [options]

Measures progress intake: REST (POST /api/progress in batches of 10,000, with 1 and 2 clients), Kafka (records
on progress.reported until progress-service has stored them) and a raw PostgreSQL COPY of the same rows into a
scratch table shaped like progress.report, the floor. Prints a Markdown table with each rate and its ratio to
the COPY rate and writes it to benchmark/target/results.md (for docs/BENCHMARKS.md).

When no suite answers on the ports, it starts one with deploy/run-local.sh (same environment variables: ports,
PG*, KAFKA_*, RUN_DIR) and stops it at the end; a suite that already answers is used as it is (it must trust
RUN_DIR/keys, i.e. be a run-local.sh suite of the same RUN_DIR, or set BENCH_TOKEN to an admin token of it).
Ports taken by something that is not a whole suite: it waits a minute and tries again (BENCH_START_TRIES, 5).

Options of this script:
  --rebuild         run the Maven build even when everything is built
  --help            this text and the benchmark's own options
Every other option goes to the benchmark (below). The data it creates stays in the suite's database (root
BENCH<counties>, indicators bench.*, eventIds bench-<run>-…); each run reports fresh, earlier dates.
EOF
}

BENCH_ARGS=()
REBUILD=0
HELP=0
for arg in "$@"; do
    case "$arg" in
        --rebuild) REBUILD=1 ;;
        -h | --help) HELP=1 ;;
        *) BENCH_ARGS+=("$arg") ;;
    esac
done

RUN_DIR="${RUN_DIR:-$ROOT/.run}"
TARGET_PORT="${TARGET_PORT:-8081}"
PROGRESS_PORT="${PROGRESS_PORT:-8082}"
REPORT_PORT="${REPORT_PORT:-8083}"
BENCH_START_TRIES="${BENCH_START_TRIES:-5}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
declare -A PORT_OF=([target-service]=$TARGET_PORT [progress-service]=$PROGRESS_PORT [report-service]=$REPORT_PORT)
read -r -a JAVA_OPTS <<<"$BENCH_JAVA_OPTS"

say() { printf '%(%H:%M:%S)T benchmark.sh: %s\n' -1 "$*"; }
die() { printf '%(%H:%M:%S)T benchmark.sh: error: %s\n' -1 "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- build

BENCH_CP_FILE="$ROOT/benchmark/target/classpath.txt"
need_build=$REBUILD
for name in "${SERVICES[@]}"; do
    [[ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ]] || need_build=1
done
[[ -f "$BENCH_CP_FILE" && -d "$ROOT/benchmark/target/classes" ]] || need_build=1
# run-local.sh and token.sh build with `mvn install` when test-infra is missing: build it here, with package.
[[ -f "$ROOT/test-infra/target/classpath.txt" ]] || need_build=1
[[ -f "$ROOT/test-infra/target/classes/io/mubiao/testinfra/LocalToken.class" ]] || need_build=1

if ((need_build)); then
    command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer and put it on the PATH"
    mkdir -p "$RUN_DIR/benchmark"
    say "building: mvn -B -q -DskipTests package -pl test-infra,target-service,progress-service,report-service,benchmark -am (log: $RUN_DIR/benchmark/build.log)"
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package \
        -pl test-infra,target-service,progress-service,report-service,benchmark -am) </dev/null \
        >"$RUN_DIR/benchmark/build.log" 2>&1 || { tail -n 30 "$RUN_DIR/benchmark/build.log" >&2; die "the build failed; see $RUN_DIR/benchmark/build.log"; }
    say "built"
fi

if ((HELP)); then
    usage
    echo
    java -cp "$(cat "$BENCH_CP_FILE"):$ROOT/benchmark/target/classes" io.mubiao.benchmark.Benchmark --help
    exit 0
fi

BENCH_CP="$(cat "$BENCH_CP_FILE"):$ROOT/benchmark/target/classes"
# A mistyped option should fail now, not after a suite has been started for it.
java -Xmx64m -cp "$BENCH_CP" io.mubiao.benchmark.Benchmark --check "${BENCH_ARGS[@]}" || exit 2
[[ " ${BENCH_ARGS[*]} " == *" --check "* ]] && exit 0

# ---------------------------------------------------------------------------------------------- the suite

ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null)" == 200 ]]; }
suite_ready() {
    local name
    for name in "${SERVICES[@]}"; do ready "${PORT_OF[$name]}" || return 1; done
}

SUITE_PID=""
SUITE_LOG="$RUN_DIR/benchmark/run-local.log"
BENCH_PID=""

stop_suite() {
    local rc=$? deadline
    set +e # a failing kill or wait must not end the clean-up half-way
    trap - EXIT
    trap '' INT TERM HUP
    if [[ -n "$BENCH_PID" ]]; then
        kill -TERM "$BENCH_PID" 2>/dev/null
        wait "$BENCH_PID" 2>/dev/null
    fi
    if [[ -n "$SUITE_PID" ]] && kill -0 "$SUITE_PID" 2>/dev/null; then
        say "stopping the suite it started (run-local.sh, pid $SUITE_PID)"
        kill -TERM "$SUITE_PID" 2>/dev/null || true
        # run-local.sh stops its services, the broker and an embedded PostgreSQL within about 15 s each.
        deadline=$((SECONDS + 90))
        while kill -0 "$SUITE_PID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
        if kill -0 "$SUITE_PID" 2>/dev/null; then
            say "run-local.sh still running after 90 s; killing it (pid $SUITE_PID)"
            kill -KILL "$SUITE_PID" 2>/dev/null || true
        fi
        wait "$SUITE_PID" 2>/dev/null || true
        say "suite stopped"
    fi
    exit "$rc"
}
trap stop_suite EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Starts run-local.sh in the background and waits for its "ready:" line. Answers 0 when up, 2 when it could not
# start because ports are taken (worth another try), 1 on any other failure.
start_suite() {
    local shown lines is_ready
    mkdir -p "$RUN_DIR/benchmark"
    : >"$SUITE_LOG"
    say "starting the suite: deploy/run-local.sh (log $SUITE_LOG)"
    "$ROOT/deploy/run-local.sh" </dev/null >"$SUITE_LOG" 2>&1 &
    SUITE_PID=$!
    shown=0
    while :; do
        is_ready=0
        grep -q 'run-local: ready:' "$SUITE_LOG" && is_ready=1
        # Show run-local.sh's own progress lines as they come (not the admin token it prints).
        lines=$(wc -l <"$SUITE_LOG")
        if ((lines > shown)); then
            sed -n "$((shown + 1)),${lines}p" "$SUITE_LOG" | { grep -v '^admin token' || true; } | sed 's/^/    | /'
            shown=$lines
        fi
        ((is_ready)) && return 0
        if ! kill -0 "$SUITE_PID" 2>/dev/null; then
            wait "$SUITE_PID" 2>/dev/null || true
            SUITE_PID=""
            grep -q 'is in use' "$SUITE_LOG" && return 2
            return 1
        fi
        sleep 1
    done
}

if suite_ready; then
    say "a suite already answers on ports $TARGET_PORT, $PROGRESS_PORT, $REPORT_PORT: using it (not started here, so not stopped)"
else
    tries=0
    while :; do
        tries=$((tries + 1))
        code=0
        start_suite || code=$?
        ((code == 0)) && break
        if ((code == 2)) && suite_ready; then
            say "a suite came up on the ports meanwhile: using it (not started here, so not stopped)"
            break
        fi
        if ((code == 2 && tries < BENCH_START_TRIES)); then
            say "ports are in use (someone's demo or build?); waiting a minute before try $((tries + 1)) of $BENCH_START_TRIES"
            sleep 60
            continue
        fi
        die "deploy/run-local.sh could not start the suite (try $tries of $BENCH_START_TRIES); see $SUITE_LOG"
    done
fi

# ---------------------------------------------------------------------------------------------- the benchmark

if [[ -z "${BENCH_TOKEN:-}" ]]; then
    BENCH_TOKEN=$(RUN_DIR="$RUN_DIR" "$ROOT/deploy/token.sh" --role admin --subject benchmark --days 1 2>/dev/null | tail -n 1) \
        || die "deploy/token.sh could not sign an admin token (RUN_DIR=$RUN_DIR)"
fi
say "running the benchmark (java ${JAVA_OPTS[*]} io.mubiao.benchmark.Benchmark ${BENCH_ARGS[*]:-})"
cd "$ROOT"
code=0
BENCH_TOKEN="$BENCH_TOKEN" BENCH_COMMAND="deploy/benchmark.sh${*:+ $*}" \
    java "${JAVA_OPTS[@]}" -cp "$BENCH_CP" io.mubiao.benchmark.Benchmark "${BENCH_ARGS[@]}" &
BENCH_PID=$!
wait "$BENCH_PID" || code=$?
BENCH_PID=""
case "$code" in
    0) say "done; the table is in benchmark/target/results.md (unless --out says otherwise)" ;;
    3) say "done, but the Kafka step timed out (see the table); --skip-kafka leaves it out" ;;
    *) say "the benchmark failed (exit $code)" ;;
esac
exit "$code"
