#!/usr/bin/env bash
# Installs (when missing) and configures a real Roundcube webmail on loopback for browser tests:
# nginx + PHP-FPM + Roundcube (Debian 12 packages, SQLite), Dovecot IMAP, and a file-writing SMTP sink.
# Idempotent and non-interactive; safe to run again. Does not start anything: run start.sh afterwards.
# Recipe: shared/docs/webmail-composers.md section 4.
set -euo pipefail
exec </dev/null
export DEBIAN_FRONTEND=noninteractive
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case $MRC_RC_HTMLEDITOR in 0|1) ;; *) rc_log "MRC_RC_HTMLEDITOR must be 0 or 1"; exit 1 ;; esac
[[ $RC_USER =~ ^[A-Za-z0-9._+@-]+$ ]] || { rc_log "RC_USER may only use letters, digits and ._+@-"; exit 1; }
[[ $RC_PASS =~ ^[A-Za-z0-9._+@-]+$ ]] || { rc_log "RC_PASS may only use letters, digits and ._+@-"; exit 1; }
if [ "$(id -u)" != 0 ]; then rc_log "must run as root (apt-get, www-data/nobody ownership)"; exit 1; fi

t0=$EPOCHREALTIME
missing=()
for p in $RC_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  rc_log "installing: ${missing[*]}"
  debconf-set-selections <<'DEB'
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/restart-webserver boolean false
roundcube-core roundcube/reconfigure-webserver multiselect
DEB
  # No system service may start during the install (ports 80/143 are not ours): containers here already
  # have a policy-rc.d that exits 101; add a temporary one where there is none.
  tmp_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && tmp_policy=1
  fi
  log=$(mktemp /tmp/mrc-roundcube-apt.XXXXXX.log)
  ok=1
  { apt-get update -o DPkg::Lock::Timeout=900 &&
    apt-get install -y -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}"; } >"$log" 2>&1 || ok=
  [ -n "$tmp_policy" ] && rm -f /usr/sbin/policy-rc.d
  if [ -z "$ok" ]; then tail -30 "$log" >&2; rc_log "apt-get failed (log: $log)"; exit 1; fi
  rm -f "$log"
  rc_log "packages installed in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}') s"
else
  rc_log "packages already installed"
fi

# ---------------------------------------------------------------- configuration (all under $MRC_RC_DIR)
D=$MRC_RC_DIR
RC_WEBROOT=$(dirname "$(rc_pkg_file roundcube-core '/public_html/index.php$')")
RC_ETC=$(dirname "$(rc_pkg_file roundcube-core '/debian-db-roundcube.php$')")
NGX_ETC=$(dirname "$(rc_pkg_file nginx-common '/fastcgi_params$')")
for v in RC_WEBROOT RC_ETC NGX_ETC; do
  if [ "${!v}" = . ] || [ ! -d "${!v}" ]; then rc_log "cannot locate $v from dpkg -L"; exit 1; fi
done

# Stop a running stack first so new configs are picked up cleanly (start.sh starts it again).
if [ -f "$D/run/nginx.pid" ] || [ -f "$D/run/sink.pid" ]; then bash "$RC_SCRIPTS/stop.sh" >/dev/null || true; fi

mkdir -p "$D" "$D/run" "$D/logs" "$D/mail" "$D/sink" "$D/dovecot-run" "$D/dovecot-state" "$D/nginx-tmp" \
  "$D/rc/config" "$D/rc/logs" "$D/rc/temp" "$D/rc/db"
chmod 755 "$D" "$D/run" "$D/logs" "$D/rc" "$D/rc/config"
chown nobody:nogroup "$D/mail"
chown www-data:www-data "$D/rc/logs" "$D/rc/temp" "$D/rc/db"
chmod 777 "$D/sink"

rm -f "$D/.setup-done" # an interrupted setup is redone by the next start.sh
rc_settings >"$D/settings.env"

# Dovecot: one passwd-file user (plus bob@example.test as a second mailbox), maildir under $D/mail.
printf '%s:{PLAIN}%s::::::\nbob@example.test:{PLAIN}bob-pass-123::::::\n' "$RC_USER" "$RC_PASS" >"$D/dovecot-users"
chmod 644 "$D/dovecot-users"
cat >"$D/dovecot.conf" <<DOV
protocols = imap
listen = 127.0.0.1
base_dir = $D/dovecot-run
state_dir = $D/dovecot-state
log_path = $D/logs/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$D/mail/%u/Maildir
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $D/dovecot-users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$D/mail/%u
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $RC_IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
DOV

# Roundcube reads its config from $D/rc/config (ROUNDCUBE_CONFIG_DIR, set in the PHP-FPM pool):
# Debian's files are linked in, and config.inc.php loads Debian's then overrides for loopback.
for f in "$RC_ETC"/*; do
  case $(basename "$f") in config.inc.php) ;; *) ln -sfn "$f" "$D/rc/config/$(basename "$f")" ;; esac
done
cat >"$D/rc/config/config.inc.php" <<PHP
<?php
// Generated by scripts/roundcube/setup.sh; overwritten on each run.
include '$RC_ETC/config.inc.php';
\$config['db_dsnw'] = 'sqlite:///$D/rc/db/roundcube.db?mode=0640';
\$config['imap_host'] = '127.0.0.1:$RC_IMAP_PORT';
\$config['smtp_host'] = '127.0.0.1:$RC_SMTP_PORT';
\$config['smtp_user'] = '';
\$config['smtp_pass'] = '';
\$config['smtp_helo_host'] = 'localhost';
\$config['log_dir'] = '$D/rc/logs/';
\$config['temp_dir'] = '$D/rc/temp/';
\$config['des_key'] = 'mrc-loopback-test-key-24b';
\$config['support_url'] = '';
\$config['product_name'] = 'Roundcube Webmail';
\$config['skin'] = 'elastic';
\$config['plugins'] = [];
\$config['enable_spellcheck'] = false;
// 0 = plain-text compose by default, 1 = HTML (TinyMCE). Env MRC_RC_HTMLEDITOR=1 (setup.sh or start.sh).
\$config['htmleditor'] = $MRC_RC_HTMLEDITOR;
PHP
chown root:www-data "$D/rc/config/config.inc.php"
chmod 640 "$D/rc/config/config.inc.php"

PHP_FPM_BIN=$(rc_pkg_file "$(dpkg-query -W -f='${Depends}' php-fpm | grep -oE 'php[0-9.]+-fpm' | head -1)" '/usr/sbin/php-fpm')
[ -x "$PHP_FPM_BIN" ] || PHP_FPM_BIN=$(ls /usr/sbin/php-fpm* 2>/dev/null | head -1)
cat >"$D/php-fpm.conf" <<FPM
[global]
pid = $D/run/php-fpm.master.pid
error_log = $D/logs/php-fpm.log
daemonize = no
[rc]
user = www-data
group = www-data
listen = $D/run/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = 4
env[ROUNDCUBE_CONFIG_DIR] = $D/rc/config
php_admin_value[error_log] = $D/rc/logs/php-error.log
php_admin_flag[log_errors] = on
FPM

cat >"$D/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $D/run/nginx.master.pid;
error_log $D/logs/nginx-error.log;
events { worker_connections 128; }
http {
  include $NGX_ETC/mime.types;
  access_log $D/logs/nginx-access.log;
  client_body_temp_path $D/nginx-tmp/body;
  fastcgi_temp_path $D/nginx-tmp/fcgi;
  proxy_temp_path $D/nginx-tmp/proxy;
  uwsgi_temp_path $D/nginx-tmp/uwsgi;
  scgi_temp_path $D/nginx-tmp/scgi;
  client_max_body_size 20m;
  server {
    listen 127.0.0.1:$RC_HTTP_PORT;
    root $RC_WEBROOT;
    index index.php;
    location ~ \.php\$ {
      include $NGX_ETC/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$D/run/php-fpm.sock;
    }
  }
}
NGX

cat >"$D/bin.env" <<ENV
PHP_FPM_BIN=$PHP_FPM_BIN
PYTHON_BIN=$(command -v /usr/bin/python3 || command -v python3)
ENV

# Check the generated configs with the servers' own checkers.
nginx -t -c "$D/nginx.conf" >"$D/logs/nginx-test.log" 2>&1 || { cat "$D/logs/nginx-test.log" >&2; exit 1; }
"$PHP_FPM_BIN" -t -y "$D/php-fpm.conf" >"$D/logs/php-fpm-test.log" 2>&1 || { cat "$D/logs/php-fpm-test.log" >&2; exit 1; }
doveconf -c "$D/dovecot.conf" -n >/dev/null 2>"$D/logs/doveconf.log" || { cat "$D/logs/doveconf.log" >&2; exit 1; }

touch "$D/.setup-done"
rc_log "configured in $D (total $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}') s)"
echo "MRC_RC_DIR=$D"
echo "RC_URL=http://127.0.0.1:$RC_HTTP_PORT/"
echo "RC_HTTP_PORT=$RC_HTTP_PORT"
echo "RC_IMAP_PORT=$RC_IMAP_PORT"
echo "RC_SMTP_PORT=$RC_SMTP_PORT"
echo "RC_USER=$RC_USER"
echo "RC_PASS=$RC_PASS"
echo "RC_SMTP_SINK_DIR=$RC_SINK_DIR"
