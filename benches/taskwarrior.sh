#!/usr/bin/env bash
# chibo's reports beside Taskwarrior's on the same tasks.
#
# Makes a demo branch (by default the stress one: 2,000 members, 10 years), copies its
# tasks into a Taskwarrior database of their own (`task import`), then times, each as a
# new process every run (hyperfine, or a plain loop without it):
#   chibo report overdue   against  task overdue
#   chibo report followup  against  task '(status:pending and due.before:eom) or end.after:som' all
#   chibo report coverage  against  task summary   (tasks by member, as projects)
# and prints the ratio. Everything lives in a temporary folder removed at the end;
# Taskwarrior's own settings and data are never touched (TASKRC and TASKDATA point
# inside that folder).
#
#   benches/taskwarrior.sh [--members N] [--years Y] [--runs R] [--chibo PATH]
#
# Skips, saying so, where `task` is not installed (apt-get install taskwarrior).
set -euo pipefail

members=2000
years=10
runs=10
chibo=""
while [ $# -gt 0 ]; do
    case "$1" in
    --members) members=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --chibo) chibo=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if ! command -v task >/dev/null 2>&1; then
    echo "skipped: Taskwarrior is not installed (apt-get install taskwarrior)"
    exit 0
fi
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$chibo" ]; then
    chibo="$root/target/release/chibo"
    [ -x "$chibo" ] || (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/chibo"
export TASKDATA="$work/taskwarrior"
export TASKRC="$work/taskrc"
mkdir -p "$TASKDATA"
cat >"$TASKRC" <<EOF
data.location=$TASKDATA
confirmation=off
verbose=nothing
hooks=off
recurrence=off
news.version=$(task --version)
EOF

echo "chibo: $("$chibo" --version 2>/dev/null || echo chibo); Taskwarrior $(task --version)"
echo "branch: $members members, $years years"
"$chibo" demo --members "$members" --years "$years" --data-dir "$data" >/dev/null
"$chibo" backup "$work/backup.json" --data-dir "$data" >/dev/null

# chibo's tasks as Taskwarrior's: open ones pending, done ones completed on the day they
# were done, cancelled ones deleted; the lead's name is the project
python3 - "$work/backup.json" "$work/tasks.json" <<'EOF'
import json, sys, uuid

backup = json.load(open(sys.argv[1]))
trees = backup["trees"]
names = {}
for m in trees["members"].values():
    names[m["id"]] = " ".join(
        p for p in (m["family_name"], m.get("middle_name", ""), m["given_name"]) if p
    )

def stamp(day):
    return day.replace("-", "") + "T000000Z"

out = []
for t in trees["tasks"].values():
    status = {"done": "completed", "cancelled": "deleted"}.get(t["status"], "pending")
    task = {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_OID, "chibo-task-%d" % t["id"])),
        "description": t["title"],
        "entry": stamp(t.get("created") or t["due"]),
        "due": stamp(t["due"]),
        "status": status,
    }
    if status != "pending":
        task["end"] = stamp(t.get("done_on") or t["due"])
    if t.get("lead") in names:
        task["project"] = names[t["lead"]].replace(" ", "_")
    if t.get("category"):
        task["tags"] = [t["category"].replace(" ", "_")]
    out.append(task)
with open(sys.argv[2], "w") as f:
    for task in out:
        f.write(json.dumps(task, ensure_ascii=False) + "\n")
print("tasks: %d (%d open)" % (len(out), sum(1 for t in out if t["status"] == "pending")))
EOF
task import "$work/tasks.json" >/dev/null 2>&1
# Taskwarrior moves the closed tasks out of its pending file on its next command
task next >/dev/null 2>&1 || true

# the same pairs, chibo first
names=(overdue followup coverage)
chibo_cmds=(
    "$chibo report overdue --data-dir $data"
    "$chibo report followup --data-dir $data"
    "$chibo report coverage --data-dir $data"
)
task_cmds=(
    "task overdue"
    "task '(status:pending and due.before:eom) or end.after:som' all"
    "task summary"
)

# mean seconds of a command run $runs times, each a new process
mean() {
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" \
            "$1" >/dev/null 2>&1
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' \
            "$work/h.json"
    else
        sh -c "$1" >/dev/null 2>&1
        local start end
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do sh -c "$1" >/dev/null 2>&1; done
        end=$(date +%s%N)
        python3 -c "print(($end - $start) / 1e9 / $runs)"
    fi
}

printf '%-9s %12s %14s %8s\n' report "chibo (ms)" "Taskwarrior" ratio
for i in "${!names[@]}"; do
    c=$(mean "${chibo_cmds[$i]}")
    t=$(mean "${task_cmds[$i]}")
    python3 -c "import sys; c, t = float(sys.argv[2]), float(sys.argv[3]); print('%-9s %12.1f %14.1f %7.2fx' % (sys.argv[1], c * 1e3, t * 1e3, t / c))" \
        "${names[$i]}" "$c" "$t"
done
