#!/usr/bin/env bash
# migralint against its peers on the same files: squawk (Rust) and sqlfluff (Python), timed by
# hyperfine, runs interleaved (one run of each command per round, so load spikes hit all alike),
# medians and ratios printed as the markdown table docs/performance.md keeps. Peak memory is taken
# with GNU time (/usr/bin/time -v) in one extra run of each.
#
# Usage: bench/vs-peers.sh [rounds]       (default 10; sqlfluff, 100x slower, runs in the first VS_PEERS_SQLFLUFF_ROUNDS, default 1; 0 skips it)
#
# Tools missing from the PATH are installed into a scratch folder (VS_PEERS_DIR, default
# ${XDG_CACHE_HOME:-~/.cache}/migralint-peers): squawk from npm (squawk-cli, pinned below), hyperfine
# unpacked from its Debian package (apt-get download, no root needed). sqlfluff needs Python
# libraries, so it comes from the Debian package installed system-wide when run as root; otherwise
# its column says why it is missing. Inputs come from the shared corpus (MIGRALINT_CORPUS, default
# ../shared/corpus); a missing one is skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
corpus="${MIGRALINT_CORPUS:-$root/../shared/corpus}"
rounds="${1:-10}"
sqlfluff_rounds="${VS_PEERS_SQLFLUFF_ROUNDS:-1}"
squawk_version=2.66.0
dir="${VS_PEERS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/migralint-peers}"
mkdir -p "$dir"
say() { echo "vs-peers: $*" >&2; }

# --- tools --------------------------------------------------------------------------------------
squawk="$(command -v squawk || true)"
if [ -z "$squawk" ]; then
  squawk="$dir/node_modules/.bin/squawk"
  if [ ! -x "$squawk" ]; then
    command -v npm >/dev/null || { say "npm is needed to install squawk-cli"; exit 2; }
    say "installing squawk-cli@$squawk_version into $dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "squawk-cli@$squawk_version" >&2
  fi
fi

hyperfine="$(command -v hyperfine || true)"
if [ -z "$hyperfine" ]; then
  hyperfine="$dir/deb/usr/bin/hyperfine"
  if [ ! -x "$hyperfine" ]; then
    say "unpacking Debian's hyperfine into $dir/deb"
    (cd "$dir" && apt-get download hyperfine >&2 && dpkg-deb -x hyperfine_*.deb deb) \
      || { say "could not get hyperfine (apt-get download hyperfine failed)"; exit 2; }
  fi
fi

sqlfluff="$(command -v sqlfluff || true)"
sqlfluff_missing=""
if [ -z "$sqlfluff" ]; then
  if [ "$(id -u)" = 0 ] && apt-get install -y -q sqlfluff >&2; then
    sqlfluff="$(command -v sqlfluff || true)"
  fi
  [ -n "$sqlfluff" ] || sqlfluff_missing="not installed (apt-get install sqlfluff needs root)"
fi

timer=/usr/bin/time
[ -x "$timer" ] || { say "$timer (GNU time) is required: apt-get install -y time"; exit 2; }
command -v python3 >/dev/null || { say "python3 is required to read hyperfine's JSON"; exit 2; }

# --- inputs -------------------------------------------------------------------------------------
one_file="$corpus/migrations/rust-lang_crates.io/migrations/2026-06-17-155847-0000_add_version_zip_checksums/up.sql"
[ -f "$one_file" ] || one_file="$root/examples/db/migration/V2__create_products_and_orders.sql"
inputs=(
  "migrations/rust-lang_crates.io|$corpus/migrations/rust-lang_crates.io"
  "peer-fixtures/sbdchd_squawk/postgres|$corpus/peer-fixtures/sbdchd_squawk/postgres"
  "one migration file|$one_file"
)

# Build the jar and record the launcher's start-up archive first: timed runs start warm, as a
# user's second run does.
"$root/migralint" --version >/dev/null

# squawk takes files, not folders: each input gets a script that passes its .sql files.
wrapper() {
  local name="$1" path="$2" out="$dir/squawk-$3.sh"
  {
    echo '#!/bin/sh'
    printf 'exec %q' "$squawk"
    find "$path" -name '*.sql' -type f | sort | while IFS= read -r f; do printf ' %q' "$f"; done
    echo ' >/dev/null 2>&1'
  } >"$out"
  chmod +x "$out"
  echo "$out"
}

peak_mb() {
  "$timer" -v "$@" >/dev/null 2>"$dir/time.txt" || true
  awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/time.txt"
}

versions="$("$squawk" --version 2>/dev/null | head -n 1); hyperfine $("$hyperfine" --version | cut -d' ' -f2)"
[ -n "$sqlfluff" ] && versions="$versions; sqlfluff $("$sqlfluff" --version | awk '{print $NF}')"
versions="$versions; $("$root/migralint" --version) on $("$root/migralint" --version >/dev/null; \
  MIGRALINT_TRACE=1 "$root/migralint" --version 2>&1 >/dev/null | sed -n 's/.*java: //p')"

echo "<!-- $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $versions -->"
echo "| input | squawk s | sqlfluff s | migralint s | migralint / squawk | migralint / sqlfluff | peak MB squawk / sqlfluff / migralint |"
echo "|---|---:|---:|---:|---:|---:|---|"
i=0
for entry in "${inputs[@]}"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  i=$((i + 1))
  if [ ! -e "$path" ]; then
    say "skipping $name: $path not found"
    continue
  fi
  sq="$(wrapper "$name" "$path" "$i")"
  ml="$root/migralint check --fail-on never $path"
  sf=""
  if [ -n "$sqlfluff" ] && [ "$sqlfluff_rounds" -gt 0 ] && [ "$name" != "peer-fixtures/sbdchd_squawk/postgres" ]; then
    # 5 MB of the PostgreSQL regression suite takes sqlfluff many minutes: not timed.
    sf="$sqlfluff lint --dialect postgres --processes 1 $path"
  fi
  json="$dir/round.json"
  : >"$dir/times.txt"
  "$hyperfine" -N -i --warmup 1 --runs 1 --export-json "$json" "$sq" "$ml" >/dev/null 2>&1
  for r in $(seq 1 "$rounds"); do
    cmds=("$sq" "$ml")
    if [ -n "$sf" ] && [ "$r" -le "$sqlfluff_rounds" ]; then cmds+=("$sf"); fi
    "$hyperfine" -N -i --runs 1 --export-json "$json" "${cmds[@]}" >/dev/null 2>&1
    python3 -c 'import json,sys; [print(i, r["times"][0]) for i, r in enumerate(json.load(open(sys.argv[1]))["results"])]' \
      "$json" >>"$dir/times.txt"
  done
  read -r s_med m_med f_med < <(python3 - "$dir/times.txt" <<'EOF'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    t.setdefault(k, []).append(float(v))
med = lambda k: f"{statistics.median(t[k]):.3f}" if k in t else "-"
print(med("0"), med("1"), med("2"))
EOF
)
  s_peak="$(peak_mb "$sq")"
  m_peak="$(peak_mb "$root/migralint" check --fail-on never "$path")"
  f_peak="-"
  [ -n "$sf" ] && f_peak="$(peak_mb $sf)"
  ratio_s="$(python3 -c "print(f'{$m_med / $s_med:.2f}x')")"
  ratio_f="-"
  [ "$f_med" != "-" ] && ratio_f="$(python3 -c "print(f'{$m_med / $f_med:.3f}x')")"
  [ -z "$sf" ] && [ -n "$sqlfluff_missing" ] && f_med="$sqlfluff_missing"
  echo "| \`$name\` | $s_med | $f_med | $m_med | $ratio_s | $ratio_f | $s_peak / $f_peak / $m_peak |"
done
