#!/usr/bin/env bash
# Times the launcher (with a warm CDS archive) on a one-file lint and on the largest corpus folders.
# Usage: bench/cli.sh [runs]        (default 3 runs per input; the table shows the fastest)
# Needs /usr/bin/time (GNU time) and the corpus at ../shared/corpus; missing inputs are skipped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
corpus="${MIGRALINT_CORPUS:-$root/../shared/corpus}"
runs="${1:-3}"
launcher="$root/migralint"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "bench: $timer (GNU time) is required: apt-get install -y time" >&2; exit 2; }

one_file="$root/examples/db/migration/V2__create_products_and_orders.sql"
inputs=(
  "one file (examples V2)|$one_file"
  "schemas/jOOQ_sakila|$corpus/schemas/jOOQ_sakila"
  "schemas/YunaiV_ruoyi-vue-pro|$corpus/schemas/YunaiV_ruoyi-vue-pro"
  "peer-fixtures/sbdchd_squawk/postgres|$corpus/peer-fixtures/sbdchd_squawk/postgres"
  "migrations/ory_kratos|$corpus/migrations/ory_kratos"
)

# Build if needed and record the CDS archive, so every timed run below starts warm.
"$launcher" check --fail-on never "$one_file" >/dev/null
"$launcher" check --fail-on never "$one_file" >/dev/null

count_files() {
  if [ -d "$1" ]; then find "$1" -name '*.sql' -type f | wc -l | tr -d ' '; else echo 1; fi
}
size_kb() {
  du -sk "$1" | cut -f1
}

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
printf '%-40s %7s %8s %10s %10s\n' "input" "files" "KB" "wall s" "max RSS MB"
printf '%-40s %7s %8s %10s %10s\n' "-----" "-----" "--" "------" "----------"
for entry in "${inputs[@]}"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  if [ ! -e "$path" ]; then
    printf '%-40s %s\n' "$name" "(missing: $path)"
    continue
  fi
  best_wall=""
  best_rss=""
  for _ in $(seq "$runs"); do
    # The text report (what a user sees) goes to /dev/null; the exit code is ignored, findings are expected.
    "$timer" -o "$tmp" -f "%e s %M KB" "$launcher" check "$path" >/dev/null 2>&1 || true
    line="$(tail -1 "$tmp")"
    wall="${line%% s *}"
    rss="$(echo "$line" | awk '{print $3}')"
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then
      best_wall="$wall"
      best_rss="$rss"
    fi
  done
  printf '%-40s %7s %8s %10s %10s\n' "$name" "$(count_files "$path")" "$(size_kb "$path")" "$best_wall" \
    "$(awk -v k="$best_rss" 'BEGIN{printf "%.0f", k/1024}')"
done
