#!/usr/bin/env bash
# Stops the loopback Roundcube stack started by start.sh: only the pids in $MRC_RC_DIR/run/*.pid.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/common.sh"
D=$MRC_RC_DIR
declare -A match=([nginx]=nginx [php-fpm]=php-fpm [dovecot]=dovecot [sink]=smtp_sink.py)
pids=()
for name in nginx php-fpm dovecot sink; do
  f=$D/run/$name.pid
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa "${match[$name]}" "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
  fi
  rm -f "$f"
done
# wait up to 10 s for them to exit, then KILL what is left (still only our pids)
for _ in $(seq 50); do
  left=()
  for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] && left+=("$p")
  done
  [ ${#left[@]} -eq 0 ] && break
  sleep 0.2
done
for p in "${left[@]}"; do kill -KILL "$p" 2>/dev/null; done
rm -f "$D/run/php-fpm.sock"
rc_log "stopped (${#pids[@]} process(es))"
