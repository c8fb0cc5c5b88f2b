#!/usr/bin/env bash
# Installs the build into a temporary prefix, then proves the install works
# for each way a user consumes it: find_package(normkit), pkg-config, and the
# installed binary running with no rule files beside it.
#   check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null

echo "-- find_package(normkit)"
cmake -S "$source/tests/consumer" -B "$work/consumer" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"

echo "-- pkg-config normkit"
libdir=$(ls -d "$work"/prefix/lib*/pkgconfig | head -n 1)
export PKG_CONFIG_PATH="$libdir"
# shellcheck disable=SC2046
c++ -o "$work/pc-consumer" "$source/tests/consumer/main.cc" \
  $(pkg-config --cflags --libs normkit) -Wl,-rpath,"$(dirname "$libdir")"
"$work/pc-consumer"

echo "-- installed normkit binary, run from an empty folder"
cd "$work"
"$work/prefix/bin/normkit" demo > "$work/demo.txt"
grep -q "The line count is the same" "$work/demo.txt"
printf 'a  b\r\n' | "$work/prefix/bin/normkit" normalize | cmp - <(printf 'a b\n')
test -f "$work/prefix/share/normkit/rules/normalize/punct.toml"
echo "install check passed"
