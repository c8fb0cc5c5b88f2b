#!/usr/bin/env bash
# The library boundary, checked on the built shared libraries:
#  - no library exports a symbol of namespace normkit::internal (only the
#    public API, marked NORMKIT_EXPORT, leaves a library);
#  - each module needs only the modules and dependencies below it: a user
#    of normkit::normalize gets neither RE2 nor the date or header code.
#   check_boundary.sh LIBRARY...   (the shared libraries, by path)
set -euo pipefail
status=0
for lib in "$@"; do
  name=$(basename "$lib")
  exported=$(nm -D --defined-only -C "$lib" | grep -c ' normkit::' || true)
  leaked=$(nm -D --defined-only -C "$lib" | grep 'internal' || true)
  if [ -n "$leaked" ]; then
    echo "FAIL: $name exports internal symbols:"; echo "$leaked" | head -n 5; status=1
  fi
  needed=$(readelf -d "$lib" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')
  case $name in
    libnormkit_core.*|libnormkit_normalize.*|libnormkit_translit.*|libnormkit_dates.*)
      case $needed in *libre2*)
        echo "FAIL: $name links RE2 ($needed)"; status=1;; esac ;;
  esac
  case $name in
    libnormkit_normalize.*|libnormkit_translit.*|libnormkit_dates.*|libnormkit_core.*)
      case $needed in *libnormkit_headers*|*libnormkit_pipeline*|*libnormkit_variants*)
        echo "FAIL: $name depends on a module above it ($needed)"; status=1;; esac ;;
  esac
  case $name in libnormkit_normalize.*)
    case $needed in *libnormkit_dates*|*libnormkit_translit*)
      echo "FAIL: $name depends on $needed"; status=1;; esac ;;
  esac
  echo "$name: $exported public symbols; needs $needed"
done
exit $status
