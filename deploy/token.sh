#!/usr/bin/env bash
# Prints a bearer token for the local run, signed with the key pair of RUN_DIR/keys (the one run-local.sh points
# the services at), as the last line on stdout. Usage: deploy/token.sh --help, deploy/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
    cat <<EOF
Usage: deploy/token.sh --role admin|supervisor|reporter [--org-unit CODE] [--subject NAME] [--days N]

Prints a bearer token (a JWT signed RS256 with RUN_DIR/keys/private.pem, issuer mubiao-local) as its last
line on stdout, for the services that deploy/run-local.sh starts with the same RUN_DIR. When that folder
holds no key pair yet, it creates one (run-local.sh creates it on its first start, too).

Options:
  --role ROLE       admin (everything, everywhere), supervisor (reads inside its subtree) or reporter
                    (writes progress inside its subtree and reads what a supervisor reads)
  --org-unit CODE   the root of the holder's subtree (the orgUnit claim); required unless --role admin
  --subject NAME    the sub claim, which reports record as reportedBy (ROLE@CODE, or admin)
  --days N          validity in days (30)
  --help            this text

Environment:
  RUN_DIR           the local run's state folder; the keys are in RUN_DIR/keys (<repo>/.run)

Examples:
  TOKEN=\$(deploy/token.sh --role reporter --org-unit DEMO-DONGJIANG)
  curl -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8083/api/rankings?indicator=annual-report.enterprise&parent=DEMO-DONGJIANG'
EOF
}

fail() {
    echo "token.sh: $1" >&2
    [[ "${2:-}" == usage ]] && echo "usage: deploy/token.sh --role admin|supervisor|reporter [--org-unit CODE] [--subject NAME] [--days N]; --help for more" >&2
    exit 2
}

# Checked here, before any build: LocalToken checks them again.
role="" org_unit=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        -h | --help) usage; exit 0 ;;
        --role | --org-unit | --subject | --days)
            ((i + 1 < ${#args[@]})) || fail "${args[i]} needs a value" usage
            value="${args[i + 1]}"
            case "${args[i]}" in
                --role) role="$value" ;;
                --org-unit) org_unit="$value" ;;
                --days) [[ "$value" =~ ^[1-9][0-9]{0,5}$ ]] || fail "--days needs a whole number from 1 to 999999, not '$value'" ;;
            esac
            i=$((i + 1))
            ;;
        *) fail "unknown option '${args[i]}'" usage ;;
    esac
done
[[ -n "$role" ]] || fail "--role is missing" usage
[[ "$role" =~ ^(admin|supervisor|reporter)$ ]] || fail "--role must be admin, supervisor or reporter, not '$role'"
[[ "$role" == admin || -n "$org_unit" ]] \
    || fail "a $role acts inside one subtree: give --org-unit CODE (DEMO for the whole demo province, DEMO-DONGJIANG for one city)"

command -v java >/dev/null || { echo "token.sh: java not found: install a JDK 17 or newer and put it on the PATH" >&2; exit 1; }

RUN_DIR="${RUN_DIR:-$ROOT/.run}"
KEYS_DIR="$RUN_DIR/keys"
INFRA_CP_FILE="$ROOT/test-infra/target/classpath.txt"
INFRA_CLASSES="$ROOT/test-infra/target/classes"

if [[ ! -f "$INFRA_CP_FILE" || ! -f "$INFRA_CLASSES/io/mubiao/testinfra/LocalToken.class" ]]; then
    command -v mvn >/dev/null || { echo "token.sh: test-infra is not built and mvn is not found: install Maven 3.8 or newer" >&2; exit 1; }
    echo "token.sh: building test-infra (mvn -B -q -DskipTests install -pl test-infra -am; the first build downloads dependencies)" >&2
    # The build's output goes to stderr, without colour codes: stdout carries the token only.
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests install -pl test-infra -am) </dev/null 2>&1 \
        | sed -u -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2 \
        || { echo "token.sh: the build of test-infra failed (see above)" >&2; exit 1; }
fi

if [[ ! -f "$KEYS_DIR/private.pem" || ! -f "$KEYS_DIR/public.pem" ]]; then
    echo "token.sh: no key pair in $KEYS_DIR yet; creating one. Services that deploy/run-local.sh starts with this RUN_DIR trust it; a run on another RUN_DIR refuses its tokens (401)" >&2
    mkdir -p "$KEYS_DIR"
    chmod 700 "$KEYS_DIR"
fi

code=0
java -Xmx64m -XX:TieredStopAtLevel=1 -cp "$(cat "$INFRA_CP_FILE"):$INFRA_CLASSES" \
    io.mubiao.testinfra.LocalToken "$KEYS_DIR" "$@" || code=$?
chmod 600 "$KEYS_DIR/private.pem" 2>/dev/null || true
exit "$code"
