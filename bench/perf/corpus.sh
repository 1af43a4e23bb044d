#!/usr/bin/env bash
# Builds bench/work/perf/{corpus,corpus100k} from Debian manual pages and the Debian FAQ,
# installing the packages with apt-get when missing (needs root then).
#   bench/perf/corpus.sh [--min-mb 32] [--docs 100000] [--chunk-kb 2]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PACKAGES=(manpages manpages-zh debian-faq debian-faq-zh-cn groff-base man-db)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "corpus.sh: need root to install: ${missing[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for d in /usr/share/man/zh_CN /usr/share/man/zh_TW /usr/share/doc/debian/FAQ/zh-cn; do
  [ -d "$d" ] || { echo "corpus.sh: $d missing (dpkg path-exclude?); reinstall its package" >&2; exit 1; }
done
mkdir -p "$ROOT/bench/work/perf"
time python3 "$HERE/corpus.py" --out "$ROOT/bench/work/perf" "$@"
