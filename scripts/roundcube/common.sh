# Shared settings for scripts/roundcube/*.sh (sourced, not run).
# Everything lives under $MRC_RC_DIR. Precedence for the settings below
# (ports, RC_USER, RC_PASS): explicit env var > what the last setup.sh saved in $MRC_RC_DIR/settings.env > default.
# MRC_RC_HTMLEDITOR=1 (compose opens in TinyMCE) applies only to the run that sets it; default 0.
MRC_RC_DIR=${MRC_RC_DIR:-/tmp/mrc-roundcube}
_rc_env_http=${RC_HTTP_PORT:-} _rc_env_imap=${RC_IMAP_PORT:-} _rc_env_smtp=${RC_SMTP_PORT:-}
_rc_env_user=${RC_USER:-} _rc_env_pass=${RC_PASS:-} _rc_env_html=${MRC_RC_HTMLEDITOR:-}
if [ -f "$MRC_RC_DIR/settings.env" ]; then
  # shellcheck disable=SC1091
  . "$MRC_RC_DIR/settings.env"
fi
RC_HTTP_PORT=${_rc_env_http:-${RC_HTTP_PORT:-38080}}
RC_IMAP_PORT=${_rc_env_imap:-${RC_IMAP_PORT:-38143}}
RC_SMTP_PORT=${_rc_env_smtp:-${RC_SMTP_PORT:-38025}}
RC_USER=${_rc_env_user:-${RC_USER:-alice@example.test}}
RC_PASS=${_rc_env_pass:-${RC_PASS:-alice-pass-123}}
MRC_RC_HTMLEDITOR=${_rc_env_html:-0} # not sticky: plain-text compose unless asked for on each run
RC_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RC_SINK_DIR=$MRC_RC_DIR/sink
RC_RUN_DIR=$MRC_RC_DIR/run
RC_URL=http://127.0.0.1:$RC_HTTP_PORT/

# Debian packages the stack needs (see README.md).
RC_PACKAGES="roundcube roundcube-core roundcube-sqlite3 roundcube-plugins dovecot-imapd nginx php-fpm php-sqlite3"

rc_log() { printf '[roundcube] %s\n' "$*" >&2; }

# Path of a file shipped by a Debian package, found with dpkg -L (no hard-coded version paths).
rc_pkg_file() { dpkg -L "$1" 2>/dev/null | grep -E "$2" | head -1; }

# The settings a setup was made with (setup.sh writes them to settings.env; start.sh compares).
rc_settings() {
  printf 'RC_HTTP_PORT=%s\nRC_IMAP_PORT=%s\nRC_SMTP_PORT=%s\nRC_USER=%q\nRC_PASS=%q\nMRC_RC_HTMLEDITOR=%s\n' \
    "$RC_HTTP_PORT" "$RC_IMAP_PORT" "$RC_SMTP_PORT" "$RC_USER" "$RC_PASS" "$MRC_RC_HTMLEDITOR"
}
