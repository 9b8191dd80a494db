#!/usr/bin/env bash
# The local run: builds what is missing, starts Kafka, finds or starts PostgreSQL, starts the three services,
# waits until each answers its readiness check, prints an admin token, then supervises everything it started until
# Ctrl-C or SIGTERM. The services verify bearer tokens with RUN_DIR/keys/public.pem, a key pair made on the first
# start; deploy/token.sh signs more tokens with it.
# Usage and settings: deploy/run-local.sh --help, deploy/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(target-service progress-service report-service)

usage() {
    cat <<EOF
Usage: deploy/run-local.sh [--demo] [--rebuild | --no-build] [--help]

Builds what is missing (mvn -B -q -DskipTests install), starts a Kafka broker, finds PostgreSQL or starts an
embedded one, starts target-service, progress-service and report-service, waits until each
/q/health/ready answers 200 and prints one line with 'ready' and the Swagger UI URLs, then an admin token.
Then it stays in the foreground and restarts whatever of its processes dies. Ctrl-C or SIGTERM stops
everything it started.

Every /api request needs a bearer token. On its first start the script creates a key pair in RUN_DIR/keys
(kept across runs) and has the services trust its public key; deploy/token.sh signs tokens with it:
  deploy/token.sh --role reporter --org-unit DEMO-DONGJIANG      (its last line is the token)

Options:
  --demo      after start-up, load the demo province through the public API (deploy/demo/DemoLoader.java)
              and print a ranking of its cities (reference data as admin, reports as the cities' reporters)
  --rebuild   run the Maven build even when the packaged services exist
  --no-build  never run Maven: use what is packaged, stop with an error when something is missing (for
              callers that build first, such as the end-to-end test of this script)
  --help      this text

Environment (default):
  TARGET_PORT            target-service HTTP port (8081)
  PROGRESS_PORT          progress-service HTTP port (8082)
  REPORT_PORT            report-service HTTP port (8083)
  KAFKA_PORT             port of the broker started here (9092)
  KAFKA_CONTROLLER_PORT  its KRaft controller port (9093)
  KAFKA_BOOTSTRAP_SERVERS  set it to use a broker of your own; then none is started (127.0.0.1:KAFKA_PORT)
  PGHOST, PGPORT         PostgreSQL to use (127.0.0.1, 5432); when nothing answers there and PGHOST is local,
                         an embedded PostgreSQL is started on PGPORT with its data in RUN_DIR/postgres
  PGDATABASE             database (test)
  PGUSER, PGPASSWORD     credentials (postgres, empty)
  RUN_DIR                state folder: kafka/ and postgres/ data, keys/, logs/ (<repo>/.run, git-ignored)
  JWT_ISSUER             the iss the services accept (mubiao-local, the issuer of the local tokens; another
                         value only together with JWT_PUBLIC_KEY_LOCATION)
  JWT_PUBLIC_KEY_LOCATION  unset: the services trust RUN_DIR/keys/public.pem (created on the first start,
                         private.pem beside it signs the local tokens). Set it to the PEM file or JWKS URL of
                         an issuer of your own instead; then no admin token is printed and --demo needs
                         DEMO_TOKEN, an admin token of that issuer
  SERVICE_JAVA_OPTS      JVM options of each service (-Xmx384m -Xms64m -XX:+UseSerialGC)
  MALLOC_ARENA_MAX       glibc malloc arenas of the services and the broker (2)
  KAFKA_JAVA_OPTS        JVM options of the broker (-Xmx512m)
  STARTUP_TIMEOUT        seconds to wait for a service's readiness (120)
  DEMO_TODAY             with --demo: load as if today were this date (YYYY-MM-DD, not in the future)
EOF
}

DEMO=0
REBUILD=0
NO_BUILD=0
for arg in "$@"; do
    case "$arg" in
        --demo) DEMO=1 ;;
        --rebuild) REBUILD=1 ;;
        --no-build) NO_BUILD=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run-local.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done
if ((REBUILD && NO_BUILD)); then
    echo "run-local.sh: --rebuild and --no-build contradict each other" >&2
    usage >&2
    exit 2
fi

# ---------------------------------------------------------------------------------------------- settings

OWN_KAFKA=1
[[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]] && OWN_KAFKA=0
TARGET_PORT="${TARGET_PORT:-8081}"
PROGRESS_PORT="${PROGRESS_PORT:-8082}"
REPORT_PORT="${REPORT_PORT:-8083}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGDATABASE="${PGDATABASE:-test}"
PGUSER="${PGUSER:-postgres}"
PGPASSWORD="${PGPASSWORD:-}"
# A small first heap and the serial collector: G1 started with a heap of 1/64 of the machine's memory and kept
# 45 MB of its own structures per service; these keep each service near 250 MB resident at rest (issue 8's goal
# is under 300 MB), with the same intake rate in the benchmark (docs/BENCHMARKS.md).
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx384m -Xms64m -XX:+UseSerialGC}"
# glibc gives each thread that allocates natively an arena of its own (up to 8 per core): with two, the
# report-service's peak while rendering a country's circulars fell from 620 to 530 MB resident (goal: 600).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
KAFKA_JAVA_OPTS="${KAFKA_JAVA_OPTS:--Xmx512m}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-120}"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
LOCAL_ISSUER=mubiao-local # the iss of the tokens io.mubiao.testinfra.LocalToken (deploy/token.sh) signs
JWT_ISSUER="${JWT_ISSUER:-$LOCAL_ISSUER}"
OWN_KEYS=1
[[ -n "${JWT_PUBLIC_KEY_LOCATION:-}" ]] && OWN_KEYS=0
if ((OWN_KEYS)) && [[ "$JWT_ISSUER" != "$LOCAL_ISSUER" ]]; then
    echo "run-local.sh: JWT_ISSUER=$JWT_ISSUER, but the local tokens are issued by $LOCAL_ISSUER and the services would refuse them; leave JWT_ISSUER unset, or set JWT_PUBLIC_KEY_LOCATION too (an issuer of your own)" >&2
    exit 2
fi
if ((DEMO && !OWN_KEYS)) && [[ -z "${DEMO_TOKEN:-}" ]]; then
    echo "run-local.sh: --demo with JWT_PUBLIC_KEY_LOCATION set needs DEMO_TOKEN, an admin token of that issuer" >&2
    exit 2
fi

for var in TARGET_PORT PROGRESS_PORT REPORT_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT PGPORT STARTUP_TIMEOUT; do
    [[ "${!var}" =~ ^[0-9]+$ ]] || { echo "run-local.sh: $var must be a number, not '${!var}'" >&2; exit 2; }
done

declare -A PORT_OF=([target-service]=$TARGET_PORT [progress-service]=$PROGRESS_PORT [report-service]=$REPORT_PORT)
declare -A PORT_VAR=([target-service]=TARGET_PORT [progress-service]=PROGRESS_PORT [report-service]=REPORT_PORT)
read -r -a SERVICE_OPTS <<<"$SERVICE_JAVA_OPTS"
read -r -a KAFKA_OPTS <<<"$KAFKA_JAVA_OPTS"

# ---------------------------------------------------------------------------------------------- helpers

# Neither fails when the output is closed (see the PIPE trap): the supervision goes on without it.
say() { printf '%(%H:%M:%S)T run-local: %s\n' -1 "$*" 2>/dev/null || true; }
warn() { printf '%(%H:%M:%S)T run-local: %s\n' -1 "$*" >&2 2>/dev/null || true; }
die() { warn "error: $*"; exit 1; }

# Something accepts TCP connections on host:port.
port_open() {
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# The last lines of a process's log, indented, on stderr.
show_tail() {
    local log="$LOG_DIR/$1.log"
    [[ -f "$log" ]] || return 0
    warn "last lines of $log:"
    tail -n "${2:-40}" "$log" | sed 's/^/    | /' >&2 || true
}

# PIDs of processes carrying this run's tag (started by this script or by an earlier run on the same RUN_DIR).
tagged_pids() {
    local pid args
    while read -r pid args; do
        [[ "$pid" == "$$" ]] && continue
        [[ "$args" == *"$TAG "* ]] && echo "$pid"
    done < <(ps -eww -o pid=,args= 2>/dev/null || true)
}

# The PID of the PostgreSQL server running on RUN_DIR/postgres, if one runs.
postmaster_pid() {
    local file="$RUN_DIR/postgres/postmaster.pid" pid
    [[ -f "$file" ]] || return 1
    read -r pid <"$file" 2>/dev/null || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    [[ "$(cmdline_of "$pid")" == *postgres* ]] || return 1
    echo "$pid"
}

# The command line of a process, blank-separated.
cmdline_of() {
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
}

FORCE=0
# Sends TERM to the given PIDs, waits up to $1 seconds for them to end (a second Ctrl-C cuts it short), then KILL.
stop_pids() {
    local timeout=$1 pid deadline alive
    shift
    (($# > 0)) || return 0
    kill -TERM "$@" 2>/dev/null || true
    deadline=$((SECONDS + timeout))
    while :; do
        alive=()
        for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
        ((${#alive[@]} == 0)) && break
        if ((SECONDS >= deadline || FORCE)); then
            warn "still running after ${timeout} s, killing: ${alive[*]}"
            kill -KILL "${alive[@]}" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# Stops the PostgreSQL server on RUN_DIR/postgres if one is still running (its JVM was killed, say).
stop_postmaster() {
    local pid deadline
    pid=$(postmaster_pid) || return 0
    say "stopping the embedded PostgreSQL server (pid $pid) $1"
    kill -INT "$pid" 2>/dev/null || true # fast shutdown
    deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline && !FORCE)); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------- processes

declare -A PID=() STARTED=() UP_SINCE=() FAILS=() NEXT_START=() LOG_OFFSET=() PENDING_UP=()
MANAGED=()       # what this script started, in start order: kafka, postgres, the services
BUILD_PID=""
DEMO_PID=""

# Starts one managed process in the background, its output appended to RUN_DIR/logs/<name>.log.
launch() {
    local name=$1 log="$LOG_DIR/$1.log"
    LOG_OFFSET[$name]=$(stat -c %s "$log" 2>/dev/null || echo 0)
    printf '\n===== %(%F %T)T run-local.sh starts %s =====\n' -1 "$name" >>"$log"
    local cmd
    case "$name" in
        kafka)
            cmd=(env KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT"
                java "$TAG" "${KAFKA_OPTS[@]}" -cp "$INFRA_CP" io.mubiao.testinfra.LocalKafka "$RUN_DIR/kafka")
            ;;
        postgres)
            stop_postmaster "left from its previous start"
            cmd=(env PGPORT="$PGPORT" PGDATABASE="$PGDATABASE"
                java "$TAG" -Xmx128m -cp "$INFRA_CP" io.mubiao.testinfra.LocalPostgres "$RUN_DIR/postgres")
            ;;
        *)
            cmd=(env TARGET_PORT="$TARGET_PORT" PROGRESS_PORT="$PROGRESS_PORT" REPORT_PORT="$REPORT_PORT"
                PGHOST="$PGHOST" PGPORT="$PGPORT" PGDATABASE="$PGDATABASE" PGUSER="$PGUSER" PGPASSWORD="$PGPASSWORD"
                KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS"
                JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY_LOCATION" JWT_ISSUER="$JWT_ISSUER"
                java "$TAG" "${SERVICE_OPTS[@]}" -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar")
            ;;
    esac
    # A simple command in the background: bash execs it in the forked child, so $! is the JVM itself.
    "${cmd[@]}" </dev/null >>"$log" 2>&1 &
    PID[$name]=$!
    STARTED[$name]=$SECONDS
    PENDING_UP[$name]=1
}

# The process is up: the broker or PostgreSQL printed its line, a service's readiness check answers 200.
is_up() {
    local name=$1 code
    case "$name" in
        kafka) grep -q "kafka ready at" < <(tail -c "+$((LOG_OFFSET[$name] + 1))" "$LOG_DIR/kafka.log") ;;
        postgres) grep -q "postgres ready at" < <(tail -c "+$((LOG_OFFSET[$name] + 1))" "$LOG_DIR/postgres.log") ;;
        *)
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
                "http://127.0.0.1:${PORT_OF[$name]}/q/health/ready" 2>/dev/null || true)
            [[ "$code" == 200 ]]
            ;;
    esac
}

# The process runs; for the embedded PostgreSQL, once up, its server process too (the JVM outlives it).
is_alive() {
    local pid=${PID[$1]:-}
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    if [[ "$1" == postgres && "${PENDING_UP[postgres]}" == 0 ]]; then
        postmaster_pid >/dev/null || return 1
    fi
}

# Reaps a process that is no longer alive; its exit code goes to REAPED_CODE.
REAPED_CODE=0
reap() {
    local name=$1 pid=${PID[$1]}
    REAPED_CODE=0
    if kill -0 "$pid" 2>/dev/null; then # the embedded PostgreSQL's JVM, its server gone
        warn "the embedded PostgreSQL server stopped; stopping its JVM (pid $pid)"
        stop_pids 15 "$pid"
        REAPED_CODE="server gone"
    else
        wait "$pid" 2>/dev/null || REAPED_CODE=$?
    fi
    PID[$name]=""
}

# Waits until a freshly started process is up; on exit or timeout prints its log tail and stops the run.
await_up() {
    local name=$1 timeout=$2
    while ! is_up "$name"; do
        if ! is_alive "$name"; then
            reap "$name"
            show_tail "$name"
            die "$name exited during start-up (code $REAPED_CODE); full log: $LOG_DIR/$name.log"
        fi
        if ((SECONDS - STARTED[$name] >= timeout)); then
            show_tail "$name"
            die "$name did not come up within $timeout s; full log: $LOG_DIR/$name.log"
        fi
        sleep 0.5
    done
    PENDING_UP[$name]=0
    UP_SINCE[$name]=$SECONDS
}

# ---------------------------------------------------------------------------------------------- stopping

OWN_LOCK=0
cleanup() {
    local rc=$? pids=() name pid
    set +e
    trap - EXIT
    trap 'FORCE=1' INT TERM HUP
    if [[ -n "$BUILD_PID" ]]; then
        say "stopping the build (pid $BUILD_PID)"
        stop_pids 15 "$BUILD_PID"
        say "stopped"
    fi
    # The services first, while the broker and the database they close against still run.
    local -a names=()
    [[ -n "$DEMO_PID" ]] && pids+=("$DEMO_PID") && names+=("demo loader ($DEMO_PID)")
    for name in "${SERVICES[@]}" kafka postgres; do
        if [[ "$name" == kafka ]] && ((${#pids[@]} > 0)); then
            say "stopping ${names[*]}"
            stop_pids 15 "${pids[@]}"
            pids=() names=()
        fi
        [[ -n "${PID[$name]:-}" ]] && pids+=("${PID[$name]}") && names+=("$name (${PID[$name]})")
    done
    if ((${#pids[@]} > 0)); then
        say "stopping ${names[*]}"
        stop_pids 15 "${pids[@]}"
    fi
    if [[ " ${MANAGED[*]} " == *" postgres "* ]]; then stop_postmaster "still running after its JVM ended"; fi
    # Belt and braces: nothing with this run's tag may outlive the script (only when this run owns RUN_DIR).
    if ((OWN_LOCK)); then
        pids=()
        while read -r pid; do [[ -n "$pid" ]] && pids+=("$pid"); done < <(tagged_pids)
        if ((${#pids[@]} > 0)); then
            warn "stopping leftover processes: ${pids[*]}"
            kill -KILL "${pids[@]}" 2>/dev/null
        fi
    fi
    ((OWN_LOCK)) && rm -f "$LOCK"
    ((${#MANAGED[@]} > 0)) && say "stopped"
    exit "$rc"
}

on_signal() {
    echo 2>/dev/null || true # with the output closed (see the PIPE trap) the stop goes on all the same
    say "received SIG$1; stopping everything started here"
    exit 0
}

trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP
# A closed output (run-local.sh | tee, and tee ended first; a caller that stopped reading) would otherwise end the
# script by SIGPIPE at its next line, without cleanup, leaving everything it started running. Trapped, the write
# fails instead and the script carries on, supervising or stopping; the children still get the default action.
trap ':' PIPE

# ---------------------------------------------------------------------------------------------- preflight

command -v java >/dev/null || die "java not found: install a JDK 17 or newer and put it on the PATH"
JAVA_VERSION=$(java -version 2>&1 | awk -F'"' '/version/ && !v { v = $2 } END { print v }')
JAVA_MAJOR=${JAVA_VERSION%%.*}
[[ "$JAVA_MAJOR" == 1 ]] && JAVA_MAJOR=$(cut -d. -f2 <<<"$JAVA_VERSION")
[[ "$JAVA_MAJOR" =~ ^[0-9]+$ ]] && ((JAVA_MAJOR >= 17)) \
    || die "java $JAVA_VERSION found, Java 17 or newer needed ($(command -v java))"
command -v curl >/dev/null || die "curl not found: install curl (used for the readiness checks)"

mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
LOG_DIR="$RUN_DIR/logs"
mkdir -p "$LOG_DIR" "$RUN_DIR/kafka" "$RUN_DIR/postgres"
TAG="-Dmubiao.run-local=$RUN_DIR"

LOCK="$RUN_DIR/run-local.pid"
if [[ -f "$LOCK" ]]; then
    other=$(cat "$LOCK" 2>/dev/null || true)
    if [[ "$other" =~ ^[0-9]+$ ]] && kill -0 "$other" 2>/dev/null \
        && [[ "$(cmdline_of "$other")" == *run-local* ]]; then
        die "another run-local.sh (pid $other) uses $RUN_DIR; stop it first (kill $other), or set RUN_DIR"
    fi
fi
echo $$ >"$LOCK"
OWN_LOCK=1

# Processes an earlier run left behind (the script itself was killed with SIGKILL, say).
leftovers=()
while read -r pid; do [[ -n "$pid" ]] && leftovers+=("$pid"); done < <(tagged_pids)
if ((${#leftovers[@]} > 0)); then
    warn "processes of an earlier run on $RUN_DIR are still running (pids ${leftovers[*]}); stopping them"
    stop_pids 15 "${leftovers[@]}"
fi
stop_postmaster "left by an earlier run"

# Keep one previous log of each process.
for log in "$LOG_DIR"/*.log; do [[ -f "$log" ]] && mv -f "$log" "$log.1"; done
say "logs: $LOG_DIR/ (build.log, kafka.log, postgres.log, <service>.log; the previous run's as *.log.1)"

# ---------------------------------------------------------------------------------------------- build

INFRA_CP_FILE="$ROOT/test-infra/target/classpath.txt"
need_build=$REBUILD
for name in "${SERVICES[@]}"; do
    [[ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ]] || need_build=1
done
[[ -f "$INFRA_CP_FILE" && -d "$ROOT/test-infra/target/classes" ]] || need_build=1
# A test-infra built before the local tokens existed cannot sign them.
[[ -f "$ROOT/test-infra/target/classes/io/mubiao/testinfra/LocalToken.class" ]] || need_build=1

if ((need_build && NO_BUILD)); then
    die "--no-build, but the packaged services or test-infra are missing or out of date in $ROOT (*/target/quarkus-app/quarkus-run.jar, test-infra/target/classpath.txt and classes): build them first (mvn -B -DskipTests package)"
fi
if ((need_build)); then
    command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer and put it on the PATH"
    say "building: mvn -B -q -DskipTests install in $ROOT (a first build downloads dependencies: a few minutes; log: $LOG_DIR/build.log)"
    build_start=$SECONDS
    (cd "$ROOT" && exec mvn -B -q -Dstyle.color=never -DskipTests install) </dev/null \
        > >(sed -u 's/\x1b\[[0-9;]*m//g' | tee "$LOG_DIR/build.log") 2>&1 &
    BUILD_PID=$!
    code=0
    wait "$BUILD_PID" || code=$?
    BUILD_PID=""
    ((code == 0)) || die "the build failed (exit $code); see $LOG_DIR/build.log"
    elapsed=$((SECONDS - build_start))
    say "built in $((elapsed / 60)) min $((elapsed % 60)) s"
else
    newer=$(find "$ROOT" \( -path "$RUN_DIR" -o -name target -o -name .git \) -prune -o -type f \
        \( -path '*/src/*' -o -name pom.xml \) -newer "$ROOT/target-service/target/quarkus-app/quarkus-run.jar" \
        -print -quit 2>/dev/null || true)
    if [[ -n "$newer" ]]; then
        say "note: sources changed since the last build (${newer#"$ROOT"/}, ...); run with --rebuild to use them"
    fi
fi
INFRA_CP="$(cat "$INFRA_CP_FILE"):$ROOT/test-infra/target/classes"

# ---------------------------------------------------------------------------------------------- ports

for name in "${SERVICES[@]}"; do
    if port_open 127.0.0.1 "${PORT_OF[$name]}"; then
        die "port ${PORT_OF[$name]} (${PORT_VAR[$name]}, for $name) is in use: an earlier run or another program? Stop it, or set ${PORT_VAR[$name]}"
    fi
done
if ((OWN_KAFKA)); then
    for var in KAFKA_PORT KAFKA_CONTROLLER_PORT; do
        if port_open 127.0.0.1 "${!var}"; then
            die "port ${!var} ($var) is in use: another Kafka or an earlier run? Stop it, or set KAFKA_PORT and KAFKA_CONTROLLER_PORT (or KAFKA_BOOTSTRAP_SERVERS to use that broker)"
        fi
    done
fi

OWN_POSTGRES=0
if ! port_open "$PGHOST" "$PGPORT"; then
    case "$PGHOST" in
        127.0.0.1 | localhost | ::1) OWN_POSTGRES=1 ;;
        *) die "PostgreSQL at $PGHOST:$PGPORT does not answer; start it, or leave PGHOST unset for a local one" ;;
    esac
fi

# ---------------------------------------------------------------------------------------------- keys

# The key pair the services trust, in RUN_DIR/keys: LocalToken creates it when missing while it signs the admin
# token. It is kept across runs, so tokens stay valid over restarts until they expire.
KEYS_DIR="$RUN_DIR/keys"
ADMIN_TOKEN=""
ADMIN_TOKEN_DAYS=30
TOKEN_CMD="$ROOT/deploy/token.sh"
[[ "$PWD" == "$ROOT" ]] && TOKEN_CMD="deploy/token.sh"
[[ "$RUN_DIR" == "$ROOT/.run" ]] || TOKEN_CMD="RUN_DIR=$RUN_DIR $TOKEN_CMD"
if ((OWN_KEYS)); then
    new_keys=0
    [[ -f "$KEYS_DIR/private.pem" && -f "$KEYS_DIR/public.pem" ]] || new_keys=1
    mkdir -p "$KEYS_DIR"
    chmod 700 "$KEYS_DIR"
    ADMIN_TOKEN=$(java -Xmx64m -XX:TieredStopAtLevel=1 -cp "$INFRA_CP" io.mubiao.testinfra.LocalToken "$KEYS_DIR" \
        --role admin --subject admin --days "$ADMIN_TOKEN_DAYS" 2>"$LOG_DIR/token.log" | tail -n 1) || true
    if [[ ! "$ADMIN_TOKEN" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ || ! -f "$KEYS_DIR/public.pem" ]]; then
        sed 's/^/    | /' "$LOG_DIR/token.log" >&2
        die "could not create the key pair or sign the admin token in $KEYS_DIR (io.mubiao.testinfra.LocalToken; is test-infra up to date? try --rebuild)"
    fi
    chmod 600 "$KEYS_DIR/private.pem" 2>/dev/null || true
    JWT_PUBLIC_KEY_LOCATION="$KEYS_DIR/public.pem"
    if ((new_keys)); then
        say "tokens: created a key pair in $KEYS_DIR (kept across runs; the services trust public.pem, $TOKEN_CMD signs with private.pem)"
    else
        say "tokens: the services trust $KEYS_DIR/public.pem (issuer $JWT_ISSUER)"
    fi
else
    say "tokens: the services trust $JWT_PUBLIC_KEY_LOCATION (issuer $JWT_ISSUER; JWT_PUBLIC_KEY_LOCATION is set, so no local key is used)"
fi

# ---------------------------------------------------------------------------------------------- start

if ((OWN_KAFKA)); then
    say "Kafka: starting a broker on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT, data in $RUN_DIR/kafka)"
    MANAGED+=(kafka)
    launch kafka
    await_up kafka 90
    say "Kafka: up at 127.0.0.1:$KAFKA_PORT in $((SECONDS - STARTED[kafka])) s (pid ${PID[kafka]})"
else
    say "Kafka: using $KAFKA_BOOTSTRAP_SERVERS (KAFKA_BOOTSTRAP_SERVERS is set, so none is started)"
fi

if ((OWN_POSTGRES)); then
    say "PostgreSQL: nothing answers at $PGHOST:$PGPORT; starting an embedded PostgreSQL there (data in $RUN_DIR/postgres)"
    PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=""
    MANAGED+=(postgres)
    launch postgres
    await_up postgres 120
    say "PostgreSQL: embedded server up at 127.0.0.1:$PGPORT, database $PGDATABASE, in $((SECONDS - STARTED[postgres])) s (pid ${PID[postgres]})"
else
    say "PostgreSQL: using the server at $PGHOST:$PGPORT (database $PGDATABASE, user $PGUSER)"
fi

say "starting ${SERVICES[*]} (ports $TARGET_PORT, $PROGRESS_PORT, $REPORT_PORT); waiting for their health checks (up to $STARTUP_TIMEOUT s)"
for name in "${SERVICES[@]}"; do
    MANAGED+=("$name")
    launch "$name"
done
for name in "${SERVICES[@]}"; do
    await_up "$name" "$STARTUP_TIMEOUT"
    say "$name: up in $((SECONDS - STARTED[$name])) s (pid ${PID[$name]}, log $LOG_DIR/$name.log)"
done

say "ready: target-service http://127.0.0.1:$TARGET_PORT/q/swagger-ui  progress-service http://127.0.0.1:$PROGRESS_PORT/q/swagger-ui  report-service http://127.0.0.1:$REPORT_PORT/q/swagger-ui"
if ((OWN_KEYS)); then
    # The token on a line of its own, without the time stamp, to copy or to grep.
    echo "admin token ($ADMIN_TOKEN_DAYS days): $ADMIN_TOKEN"
    say "use it as: TOKEN=<the token>; curl -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:$TARGET_PORT/api/indicators"
    say "other tokens: TOKEN=\$($TOKEN_CMD --role reporter --org-unit DEMO-DONGJIANG) (or --role supervisor --org-unit DEMO; --help for more)"
fi
say "supervising; Ctrl-C or SIGTERM (kill $$) stops everything started here"

# ---------------------------------------------------------------------------------------------- demo

if ((DEMO)); then
    say "demo: loading the demo province (deploy/demo/DemoLoader.java; log $LOG_DIR/demo.log)"
    # The loader reads the admin token and the keys (to sign its reporters' tokens) from the environment, not
    # from its arguments, which any user sees in ps.
    demo_token="${DEMO_TOKEN:-}" demo_keys="${DEMO_KEYS:-}"
    if ((OWN_KEYS)); then demo_token=$ADMIN_TOKEN demo_keys=$KEYS_DIR; fi
    TARGET_URL="http://127.0.0.1:$TARGET_PORT" PROGRESS_URL="http://127.0.0.1:$PROGRESS_PORT" \
        REPORT_URL="http://127.0.0.1:$REPORT_PORT" \
        DEMO_TOKEN="$demo_token" DEMO_KEYS="$demo_keys" DEMO_TOKEN_COMMAND="$TOKEN_CMD" \
        java "$TAG" -Xmx256m -Dfile.encoding=UTF-8 "$ROOT/deploy/demo/DemoLoader.java" \
        </dev/null > >(tee "$LOG_DIR/demo.log") 2>&1 &
    DEMO_PID=$!
fi

check_demo() {
    [[ -n "$DEMO_PID" ]] && ! kill -0 "$DEMO_PID" 2>/dev/null || return 0
    local code=0
    wait "$DEMO_PID" 2>/dev/null || code=$?
    DEMO_PID=""
    sleep 0.2 # let tee flush the loader's last lines
    if ((code == 0)); then
        say "demo: loaded; the services keep running (Ctrl-C stops them)"
    else
        warn "demo: the loader failed (exit $code), see above or $LOG_DIR/demo.log; the services keep running"
    fi
}

# ---------------------------------------------------------------------------------------------- supervise

# Seconds to wait before the next restart: at once after a crash that follows a good run, then 5, 10, 20,
# 40 and 60 s while it keeps dying before it is up or within a minute of being up. (Counted from its start, a
# service that takes over a minute to start on a busy machine and then fails would be restarted at once forever.)
backoff() {
    local n=$1
    ((n <= 1)) && { echo 0; return; }
    local d=$((5 * (1 << (n - 2))))
    echo $((d > 60 ? 60 : d))
}

for name in "${MANAGED[@]}"; do FAILS[$name]=0; NEXT_START[$name]=0; done

while :; do
    for name in "${MANAGED[@]}"; do
        if [[ -n "${PID[$name]:-}" ]] && ! is_alive "$name"; then
            pid=${PID[$name]}
            reap "$name"
            code=$REAPED_CODE
            ran="after $((SECONDS - STARTED[$name])) s"
            if [[ "${PENDING_UP[$name]}" == 1 ]]; then
                ran+=", before it was up"
                FAILS[$name]=$((FAILS[$name] + 1))
            elif ((SECONDS - UP_SINCE[$name] < 60)); then
                FAILS[$name]=$((FAILS[$name] + 1))
            else
                FAILS[$name]=1
            fi
            delay=$(backoff "${FAILS[$name]}")
            NEXT_START[$name]=$((SECONDS + delay))
            if ((delay == 0)); then
                warn "$name exited (code $code, pid $pid, $ran); restarting"
            else
                warn "$name exited (code $code, pid $pid, $ran; ${FAILS[$name]} times in a row); restarting in $delay s (log $LOG_DIR/$name.log)"
            fi
        fi
        if [[ -z "${PID[$name]:-}" ]] && ((SECONDS >= NEXT_START[$name])); then
            launch "$name"
            say "$name: restarted (pid ${PID[$name]})"
        fi
        if [[ -n "${PID[$name]:-}" && "${PENDING_UP[$name]}" == 1 ]] && is_up "$name"; then
            PENDING_UP[$name]=0
            UP_SINCE[$name]=$SECONDS
            say "$name: up again after $((SECONDS - STARTED[$name])) s (pid ${PID[$name]})"
        fi
    done
    check_demo
    sleep 2
done
