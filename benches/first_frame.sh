#!/usr/bin/env bash
# The open of chibo to its first frame, as a user starts it: each run a new process in a
# 120×40 tmux window over a demo branch, with `CHIBO_EXIT_AFTER_FIRST_FRAME=1`. Prints,
# over the runs, the lowest, median and highest of
#   first frame   from just before the process starts until the first frame is written
#                 to the terminal (chibo says it on standard error, `CHIBO_STARTED_NS`)
#   whole process the same start until the process has ended, the data closed (and, with
#                 --first-of-day, the daily backup finished)
#   peak memory   the most the process held (chibo reads its `VmHWM` before it ends)
# The start is taken with bash's $EPOCHREALTIME right before chibo is started, as a
# shell starts it: nothing else is started in between.
#
#   benches/first_frame.sh [--members N] [--years Y] [--runs R] [--chibo PATH] [--first-of-day]
#                          [--without-cache]
#
# --first-of-day removes the day's backups before every run, so each is the first open
# of the day. --without-cache removes the roster cache (`roster.cache`, written when
# chibo closes) before every run, as after a command that changed the roster: the first
# frame then waits for the database to open. Everything lives in a temporary folder removed at the end. Needs tmux.
set -euo pipefail

members=40
years=5
runs=15
chibo=""
first_of_day=0
without_cache=0
while [ $# -gt 0 ]; do
    case "$1" in
    --members) members=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --chibo) chibo=$2; shift 2 ;;
    --first-of-day) first_of_day=1; shift ;;
    --without-cache) without_cache=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

command -v tmux >/dev/null || { echo "needs tmux (apt-get install tmux)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$chibo" ]; then
    chibo="$root/target/release/chibo"
    [ -x "$chibo" ] || (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
session="chibo-first-frame-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
data="$work/data"
export CHIBO_CONFIG_DIR="$work/config"
"$chibo" demo --members "$members" --years "$years" --data-dir "$data" >/dev/null
# the day's backup once, so that only --first-of-day runs take one
CHIBO_EXIT_AFTER_FIRST_FRAME=1 tmux new-session -d -s "$session" -x 120 -y 40 \
    -e LANG=C.UTF-8 -e TERM=xterm-256color -e CHIBO_CONFIG_DIR="$CHIBO_CONFIG_DIR" \
    -e CHIBO_EXIT_AFTER_FIRST_FRAME=1 "$chibo --data-dir $data"
while tmux has-session -t "$session" 2>/dev/null; do sleep 0.05; done

for i in $(seq 1 "$runs"); do
    [ "$first_of_day" = 1 ] && rm -rf "$data/backups"
    [ "$without_cache" = 1 ] && rm -f "$data/roster.cache"
    sync
    tmux new-session -d -s "$session" -x 120 -y 40 \
        -e LANG=C.UTF-8 -e TERM=xterm-256color -e CHIBO_CONFIG_DIR="$CHIBO_CONFIG_DIR" \
        "exec bash -c 't0=\$EPOCHREALTIME; CHIBO_STARTED_NS=\${t0/[.,]/}000 \
         CHIBO_EXIT_AFTER_FIRST_FRAME=1 $chibo --data-dir $data 2>$work/err.$i; \
         t1=\$EPOCHREALTIME; echo \$(( \${t1/[.,]/} - \${t0/[.,]/} )) >$work/total.$i'"
    while tmux has-session -t "$session" 2>/dev/null; do sleep 0.05; done
done

# lowest, median and highest of one number a line
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "no runs"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f / %.1f / %.1f", v[1], m, v[NR] }'
}
echo "chibo $("$chibo" --version 2>/dev/null | head -n 1): $members members, $years years, $runs runs$([ "$first_of_day" = 1 ] && echo ', each the first open of the day')$([ "$without_cache" = 1 ] && echo ', without the roster cache'); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'first frame, ms (lowest / median / highest):   %s\n' \
    "$(cat "$work"/err.* | sed -n 's/^first frame \([0-9.]*\) ms$/\1/p' | stats)"
printf 'whole process, ms:                             %s\n' \
    "$(cat "$work"/total.* | awk '{ print $1 / 1000 }' | stats)"
printf 'peak memory, MB:                               %s\n' \
    "$(cat "$work"/err.* | sed -n 's/^peak memory \([0-9]*\) kB$/\1/p' | awk '{ print $1 / 1024 }' | stats)"
