#!/usr/bin/env bash
# Whole-process timings of kubesim next to their floors, peak memory against the store's size;
# writes the results table into docs/benchmarks.md (between the results markers).
#
#   bash benches/run.sh                 # 100 nodes/3,000 pods and 1,000 nodes/30,000 pods
#   KUBESIM_BENCH_SIZES="100:3000" bash benches/run.sh
#
# Environment:
#   KUBESIM_BENCH_SIZES   space-separated NODES:PODS fixtures (default "100:3000 1000:30000")
#   KUBESIM_BENCH_DIR     where fixtures and scratch stores go (default target/bench-fixtures)
#   KUBESIM_BENCH_REUSE=1 keep existing fixtures instead of regenerating them (they are only
#                         valid for the kubesim that wrote them)
#   KUBESIM_BENCH_OUT     the Markdown file to update (default docs/benchmarks.md)
#   KUBESIM_BENCH_RUNS    minimum hyperfine runs per command (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${KUBESIM_BENCH_SIZES:-"100:3000 1000:30000"}
DIR=${KUBESIM_BENCH_DIR:-$ROOT/target/bench-fixtures}
OUT=${KUBESIM_BENCH_OUT:-$ROOT/docs/benchmarks.md}
RUNS=${KUBESIM_BENCH_RUNS:-10}
mkdir -p "$DIR" "$(dirname "$OUT")"

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y "$@" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$@" >/dev/null; }
}
need hyperfine || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
need jq || apt_install jq

echo "== building (release)" >&2
cargo build --release --locked --bin kubesim >&2
# The bench executables, built once: the tree may change while this runs.
exe() {
    cargo bench --locked --no-run --bench "$1" --message-format=json 2>/dev/null |
        jq -r --arg n "$1" 'select(.reason == "compiler-artifact" and .target.name == $n) | .executable // empty' |
        tail -1
}
cargo bench --locked --no-run --bench gen_fixture --bench floor >&2
GEN_BIN=$(exe gen_fixture)
FLOOR_BIN=$(exe floor)
BIN=$DIR/kubesim
cp "$ROOT/target/release/kubesim" "$BIN"

floor() { # STORE KINDS [--write] -> "mean_ms"
    local f
    f=$("$FLOOR_BIN" --store "$1" --kinds "$2" ${3:-} --runs 10 | sed -n 's/^floor_ms=\([0-9.]*\) .*/\1/p')
    [ -n "$f" ] || { echo "floor $1 $2 failed" >&2; exit 1; }
    echo "$f"
}
hf() { # NAME MIN_RUNS PREPARE-or-empty COMMAND... -> mean seconds
    local name=$1 runs=$2 prep=$3 json=$DIR/hf.json
    shift 3
    local args=(-N --style none --warmup 1 --min-runs "$runs" --export-json "$json")
    [ -n "$prep" ] && args+=(--prepare "$prep")
    hyperfine "${args[@]}" "$(printf '%q ' "$@")" >&2
    jq -r '.results[0].mean' "$json"
}
rss_kb() { # PREPARE-or-empty COMMAND... -> max RSS in KiB (of one run)
    local prep=$1
    shift
    [ -n "$prep" ] && bash -c "$prep"
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
}
size_of() { stat -c %s "$1"; }
mb() { awk -v b="$1" 'BEGIN { if (b < 1e6) printf "%.0f kB", b / 1e3; else printf "%.1f MB", b / 1e6 }'; }
ms() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1e3; else printf "%.2f s", s }'; }

ROWS=()
row() { # COMMAND FIXTURE MEAN_S FLOOR_MS RSS_KB STORE_BYTES
    local ratio rssr
    ratio=$(awk -v m="$3" -v f="$4" 'BEGIN { if (f > 0) printf "%.1f×", m * 1e3 / f; else print "–" }')
    rssr=$(awk -v r="$5" -v s="$6" 'BEGIN { printf "%.1f×", r * 1024 / s }')
    ROWS+=("| \`$1\` | $2 | $(ms "$3") | $(awk -v f="$4" 'BEGIN { if (f < 0.1) printf "%.0f µs", f * 1e3; else printf "%.1f ms", f }') | $ratio | $(mb $(($5 * 1024))) ($rssr) | $(mb "$6") |")
}

# --- the default cluster (control plane + 3 workers) ------------------------------------------
echo "== default cluster" >&2
DEF=$DIR/default.json
rm -f "$DEF" "$DEF.lock"
"$BIN" --store "$DEF" cluster init >/dev/null 2>&1
DSIZE=$(size_of "$DEF")
t=$(hf "get nodes" "$RUNS" "" "$BIN" --store "$DEF" get nodes)
row "get nodes" "default" "$t" "$(floor "$DEF" nodes)" "$(rss_kb "" "$BIN" --store "$DEF" get nodes)" "$DSIZE"
COPY=$DIR/default-copy.json
prep="cp $DEF $COPY"
t=$(hf "apply" "$RUNS" "$prep" "$BIN" --store "$COPY" apply -f "$ROOT/examples/nginx-deployment.yaml")
row "apply -f examples/nginx-deployment.yaml" "default" "$t" "$(floor "$DEF" store --write)" \
    "$(rss_kb "$prep" "$BIN" --store "$COPY" apply -f "$ROOT/examples/nginx-deployment.yaml")" "$DSIZE"

# --- generated fixtures ----------------------------------------------------------------------
GEN=()
for size in $SIZES; do
    nodes=${size%%:*}
    pods=${size##*:}
    F=$DIR/n$nodes-p$pods.json
    label="$nodes nodes / $pods pods"
    if [ "${KUBESIM_BENCH_REUSE:-0}" != 1 ] || [ ! -f "$F" ]; then
        echo "== generating $label" >&2
        rm -f "$F"
        line=$("$GEN_BIN" --nodes "$nodes" --pods "$pods" --out "$F" | tail -1)
        echo "$line" >&2
        GEN+=("- $label: ${line#gen_fixture: }")
    fi
    FSIZE=$(size_of "$F")
    runs=$RUNS
    [ "$pods" -gt 10000 ] && runs=$(((RUNS + 1) / 2))
    echo "== $label" >&2
    t=$(hf "get pods" "$runs" "" "$BIN" --store "$F" get pods -A)
    row "get pods -A" "$label" "$t" "$(floor "$F" pods)" "$(rss_kb "" "$BIN" --store "$F" get pods -A)" "$FSIZE"
    t=$(hf "get rs" "$runs" "" "$BIN" --store "$F" get rs -A)
    row "get rs -A" "$label" "$t" "$(floor "$F" replicasets)" "$(rss_kb "" "$BIN" --store "$F" get rs -A)" "$FSIZE"
    C=$DIR/scale-copy.json
    prep="cp $F $C"
    t=$(hf "scale" "$runs" "$prep" "$BIN" --store "$C" scale deploy app-000 --replicas=301)
    row "scale deploy app-000 --replicas=301" "$label" "$t" "$(floor "$F" store --write)" \
        "$(rss_kb "$prep" "$BIN" --store "$C" scale deploy app-000 --replicas=301)" "$FSIZE"
    rm -f "$C" "$C.lock"
done
rm -f "$COPY" "$COPY.lock" "$DIR/hf.json" "$BIN"

# --- the report --------------------------------------------------------------------------------
REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src crates Cargo.toml 2>/dev/null || REV="$REV + uncommitted changes"
TABLE=$(
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, kubesim $REV, by \`bash benches/run.sh\`."
    echo
    echo "| command | fixture | mean time | floor | ratio | peak RSS (× store) | store size |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    if [ ${#GEN[@]} -gt 0 ]; then
        echo
        echo "Fixture generation (\`cargo bench --bench gen_fixture\`):"
        echo
        printf '%s\n' "${GEN[@]}"
    fi
)
echo "$TABLE"
if [ ! -f "$OUT" ]; then
    printf '# Benchmarks\n\n<!-- results:begin -->\n<!-- results:end -->\n' >"$OUT"
fi
python3 - "$OUT" "$TABLE" <<'EOF'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path).read()
begin, end = "<!-- results:begin -->", "<!-- results:end -->"
if begin not in text:
    text = text.rstrip("\n") + "\n\n" + begin + "\n" + end + "\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(head + begin + "\n" + table + "\n" + end + tail)
EOF
echo "updated $OUT" >&2
