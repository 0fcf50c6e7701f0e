#!/usr/bin/env bash
# Starts the loopback Roundcube stack in the background (pid files in $MRC_RC_DIR/run), runs setup.sh first
# when the packages or the configuration are missing, waits until Roundcube answers HTTP, and prints
# KEY=VALUE lines on stdout (RC_URL, RC_USER, RC_PASS, RC_SMTP_SINK_DIR, ...). Logs go to stderr.
# Already running: it only checks and prints. Env: MRC_RC_DIR, RC_HTTP_PORT, RC_IMAP_PORT, RC_SMTP_PORT.
set -euo pipefail
exec </dev/null
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/common.sh"
t0=$EPOCHREALTIME

need_setup=
[ -f "$MRC_RC_DIR/.setup-done" ] || need_setup=1
for f in "$HERE/setup.sh" "$HERE/common.sh"; do
  [ -n "$need_setup" ] || [ ! "$f" -nt "$MRC_RC_DIR/.setup-done" ] || need_setup=1
done
for p in $RC_PACKAGES; do
  [ -n "$need_setup" ] || dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_setup=1
done
# Ports, user or editor mode asked for through the environment differ from the configured ones: set up again.
[ -n "$need_setup" ] || [ "$(rc_settings)" = "$(cat "$MRC_RC_DIR/settings.env" 2>/dev/null)" ] || need_setup=1
if [ -n "$need_setup" ]; then
  bash "$HERE/setup.sh" >/dev/null
fi
D=$MRC_RC_DIR
. "$D/bin.env"
mkdir -p "$D/run" "$D/logs" "$RC_SINK_DIR"

# alive NAME: the pid in run/NAME.pid is running and is the program we started (guards against pid reuse).
alive() {
  local pid
  pid=$(cat "$D/run/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa "$2" "/proc/$pid/cmdline" 2>/dev/null
}
# running NAME: the process we just launched still exists (not a zombie). Used while waiting for startup instead of
# alive(): Dovecot's master re-executes itself through doveconf at startup, and /proc/PID/cmdline can read empty or
# foreign during an exec, which once made a healthy start look like an exit.
running() {
  local pid
  pid=$(cat "$D/run/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}
port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# launch NAME MATCH PORT CMD...: start CMD in its own session unless already running.
launch() {
  local name=$1 match=$2 port=$3; shift 3
  if alive "$name" "$match"; then return 0; fi
  if port_busy "$port"; then
    rc_log "port 127.0.0.1:$port (for $name) is used by another process; choose other ports with RC_HTTP_PORT/RC_IMAP_PORT/RC_SMTP_PORT"
    ss -Hltnp "sport = :$port" >&2 || true
    exit 1
  fi
  setsid "$@" >"$D/logs/$name.out" 2>&1 </dev/null &
  echo $! >"$D/run/$name.pid"
}

launch sink smtp_sink.py "$RC_SMTP_PORT" "$PYTHON_BIN" -u "$HERE/smtp_sink.py" 127.0.0.1 "$RC_SMTP_PORT" "$RC_SINK_DIR"
launch dovecot dovecot "$RC_IMAP_PORT" dovecot -F -c "$D/dovecot.conf"
# php-fpm listens on a unix socket, not a port: 0 means "no port to check"
if ! alive php-fpm php-fpm; then rm -f "$D/run/php-fpm.sock"; fi
launch php-fpm php-fpm 0 "$PHP_FPM_BIN" -F -y "$D/php-fpm.conf"
launch nginx nginx "$RC_HTTP_PORT" nginx -c "$D/nginx.conf"

# Wait (max 30 s) for the sockets and for Roundcube's login page.
deadline=$((SECONDS + 30))
ok=
while [ $SECONDS -lt $deadline ]; do
  for n in sink dovecot php-fpm nginx; do
    if ! running "$n"; then
      rc_log "$n exited; last log lines:"; tail -20 "$D/logs/$n.out" >&2 || true
      [ "$n" = dovecot ] && tail -20 "$D/logs/dovecot.log" >&2 2>/dev/null
      exit 1
    fi
  done
  if port_busy "$RC_SMTP_PORT" && port_busy "$RC_IMAP_PORT" &&
    curl -fsS -o /dev/null --max-time 5 "$RC_URL" 2>/dev/null &&
    curl -fsS --max-time 5 "$RC_URL" 2>/dev/null | grep -q 'rcmloginuser'; then
    ok=1; break
  fi
  sleep 0.2
done
if [ -z "$ok" ]; then
  rc_log "Roundcube did not answer on $RC_URL within 30 s"
  tail -5 "$D/logs/"*.log "$D/rc/logs/"* >&2 2>/dev/null || true
  exit 1
fi
rc_log "up in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}') s"
echo "MRC_RC_DIR=$D"
echo "RC_URL=$RC_URL"
echo "RC_HTTP_PORT=$RC_HTTP_PORT"
echo "RC_IMAP_HOST=127.0.0.1"
echo "RC_IMAP_PORT=$RC_IMAP_PORT"
echo "RC_SMTP_PORT=$RC_SMTP_PORT"
echo "RC_USER=$RC_USER"
echo "RC_PASS=$RC_PASS"
echo "RC_SMTP_SINK_DIR=$RC_SINK_DIR"
