#!/usr/bin/env bash
# Prints one line per service (running/stopped) and the delivered-message count; exit 0 when all run.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/common.sh"
D=$MRC_RC_DIR
declare -A match=([nginx]=nginx [php-fpm]=php-fpm [dovecot]=dovecot [sink]=smtp_sink.py)
rc=0
for name in sink dovecot php-fpm nginx; do
  pid=$(cat "$D/run/$name.pid" 2>/dev/null)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa "${match[$name]}" "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$name=running pid $pid"
  else
    echo "$name=stopped"; rc=1
  fi
done
http=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$RC_URL" 2>/dev/null)
echo "RC_URL=$RC_URL http=$http"
echo "RC_SMTP_SINK_DIR=$RC_SINK_DIR delivered=$(find "$RC_SINK_DIR" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l)"
exit $rc
