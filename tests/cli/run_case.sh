#!/usr/bin/env bash
# Runs one CLI golden case: a folder holding
#   args          the arguments, one a line (@CASE@ stands for the case folder)
#   stdin         optional: what goes to standard input (else nothing)
#   stdin_closed  optional: if present, standard input is closed instead
#   stdout        the exact expected standard output (optional when a check
#                 script looks at it: .stdout in the scratch folder)
#   stdout_to     optional: a device standard output goes to (/dev/full)
#   status        optional: the expected exit status (default 0)
#   stderr        optional: lines that must each appear in standard error
#   setup         optional: a script run first, in the scratch folder, with
#                 the case folder as $1 (symbolic links, FIFOs, inputs made
#                 on the spot)
#   check         optional: a script run after, from the scratch folder,
#                 with the case folder as $1 (for outputs written to files)
# setup and check find the binary in $NORMKIT.
#   run_case.sh NORMKIT CASE_DIR
set -uo pipefail
normkit=$(realpath "$1")
case_dir=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export NORMKIT="$normkit"

if [ -x "$case_dir/setup" ]; then
  (cd "$scratch" && "$case_dir/setup" "$case_dir") || { echo "setup failed"; exit 1; }
fi

args=()
while IFS= read -r line || [ -n "$line" ]; do
  args+=("${line//@CASE@/$case_dir}")
done < "$case_dir/args"

stdin=/dev/null
[ -f "$case_dir/stdin" ] && stdin="$case_dir/stdin"
stdout="$scratch/.stdout"
[ -f "$case_dir/stdout_to" ] && stdout=$(cat "$case_dir/stdout_to")
if [ -f "$case_dir/stdin_closed" ]; then
  (cd "$scratch" && "$normkit" "${args[@]}" <&- > "$stdout" 2> "$scratch/.stderr")
else
  (cd "$scratch" && "$normkit" "${args[@]}" < "$stdin" > "$stdout" 2> "$scratch/.stderr")
fi
status=$?
expected_status=0
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")

failed=0
if [ "$status" != "$expected_status" ]; then
  echo "exit status $status, expected $expected_status"
  failed=1
fi
if [ -f "$case_dir/stdout" ] && ! cmp -s "$scratch/.stdout" "$case_dir/stdout"; then
  echo "standard output differs from $case_dir/stdout:"
  diff <(od -c "$case_dir/stdout") <(od -c "$scratch/.stdout") | head -n 20
  failed=1
fi
if [ -f "$case_dir/stderr" ]; then
  while IFS= read -r want || [ -n "$want" ]; do
    if ! grep -qF -- "$want" "$scratch/.stderr"; then
      echo "standard error lacks: $want"
      failed=1
    fi
  done < "$case_dir/stderr"
fi
if [ -x "$case_dir/check" ]; then
  (cd "$scratch" && "$case_dir/check" "$case_dir") || failed=1
fi
if [ "$failed" != 0 ]; then
  echo "--- standard error was:"
  head -c 2000 "$scratch/.stderr"
  exit 1
fi
