#!/usr/bin/env bash
# Builds the cross-language benchmark under bench/work/crosslang/ from Debian
# documentation packages (installed here when missing). Idempotent: apt is only
# called for packages that are not installed yet. Needs root for apt.
#   bench/crosslang/prepare.sh [--seed N] [--max-topics N] [--source man-faq|reference|handbook|guides]
# --source reference builds a second benchmark of the same design from the Debian Reference
# (bench/work/crosslang-reference/), to check on other material what was chosen on the first;
# --source handbook a third from the Debian Administrator's Handbook
# (bench/work/crosslang-handbook/), held out: no ranking choice was measured on it; --source
# guides a fourth, held out likewise, from the Installation Guide and the New Maintainers' Guide
# (bench/work/crosslang-guides/).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOURCE=man-faq
prev=
for a in "$@"; do
  case "$a" in --source=*) SOURCE="${a#--source=}" ;; esac
  [ "$prev" = --source ] && SOURCE="$a"
  prev="$a"
done
case "$SOURCE" in
  man-faq) OUT="$ROOT/bench/work/crosslang" ;;
  reference) OUT="$ROOT/bench/work/crosslang-reference" ;;
  handbook) OUT="$ROOT/bench/work/crosslang-handbook" ;;
  guides) OUT="$ROOT/bench/work/crosslang-guides" ;;
  *) echo "prepare.sh: --source is man-faq, reference, handbook or guides, not '$SOURCE'" >&2; exit 2 ;;
esac

# Chinese pages and FAQ, plus packages that bring the English pages of commands
# manpages-zh translates (man-db, coreutils etc. are already on Debian systems).
PACKAGES=(
  manpages-zh debian-faq debian-faq-zh-cn
  man-db groff-base bsdextrautils manpages manpages-dev
  procps util-linux findutils grep sed gawk tar gzip bzip2 less diffutils file
  psmisc net-tools iputils-ping cpio bc dc time sharutils
  kbd at ncal eject quota hdparm fdisk pciutils kmod tcpdump bind9-dnsutils finger
  ftp cron mpg123 msmtp minicom install-info procmail iptables nfs-common setserial
  x11-xserver-utils subversion tcl8.6-doc tk8.6-doc bwidget apache2-utils acct
  rsh-client biff texinfo ppp xinetd smbclient
)
DIRS=(/usr/share/man/zh_CN /usr/share/man/zh_TW /usr/share/doc/debian/FAQ/zh-cn)
if [ "$SOURCE" = reference ]; then
  PACKAGES=(debian-reference-en debian-reference-zh-cn debian-reference-zh-tw)
  DIRS=(/usr/share/debian-reference)
fi
if [ "$SOURCE" = handbook ]; then
  PACKAGES=(debian-handbook)
  DIRS=(/usr/share/doc/debian-handbook/html/en-US /usr/share/doc/debian-handbook/html/zh-CN
        /usr/share/doc/debian-handbook/html/zh-TW)
fi
if [ "$SOURCE" = guides ]; then
  PACKAGES=(installation-guide-amd64 maint-guide maint-guide-zh-cn maint-guide-zh-tw)
  DIRS=(/usr/share/doc/installation-guide-amd64/en /usr/share/doc/installation-guide-amd64/zh_CN
        /usr/share/doc/maint-guide/html /usr/share/doc/maint-guide-zh-cn/html
        /usr/share/doc/maint-guide-zh-tw/html)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

# Docker-style images may exclude /usr/share/man and /usr/share/doc from packages.
if grep -rqsE '^path-exclude[= ]+/usr/share/(man|doc)' /etc/dpkg/dpkg.cfg.d/; then
  echo "prepare.sh: dpkg is configured to drop /usr/share/man or /usr/share/doc" \
       "(path-exclude in /etc/dpkg/dpkg.cfg.d/); remove that and reinstall the packages." >&2
  exit 1
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "prepare.sh: need root to install: ${missing[*]}" >&2
    exit 1
  fi
  echo "prepare.sh: installing ${#missing[@]} package(s): ${missing[*]}" >&2
  # Do not start daemons (cron, atd, xinetd, ...) that some of these packages ship.
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  trap '[ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d' EXIT
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"${TMPDIR:-/tmp}/crosslang-apt.log" 2>&1 || {
    tail -n 30 "${TMPDIR:-/tmp}/crosslang-apt.log" >&2
    echo "prepare.sh: apt-get install failed (full log: ${TMPDIR:-/tmp}/crosslang-apt.log)" >&2
    exit 1
  }
else
  echo "prepare.sh: all ${#PACKAGES[@]} packages already installed" >&2
fi

for d in "${DIRS[@]}"; do
  if [ ! -d "$d" ]; then
    echo "prepare.sh: $d is missing although its package is installed;" \
         "try 'apt-get install --reinstall ${PACKAGES[*]}'." >&2
    exit 1
  fi
done

mkdir -p "$OUT"
start=$(date +%s)
python3 "$HERE/prepare.py" --out "$OUT" "$@"
echo "prepare.sh: done in $(( $(date +%s) - start )) s; see $OUT/sets.tsv" >&2
