#!/usr/bin/env python3
"""Minimal SMTP sink for tests: accepts every message on loopback and writes it to a directory.

Each delivered message becomes one file ``<DIR>/<time_ns>-<seq>.eml`` (written to ``.tmp`` first and renamed,
so a reader never sees a partial file). The envelope is kept in ``X-Sink-Mail-From`` / ``X-Sink-Rcpt-To``
headers prepended to the message. Counting deliveries is ``ls DIR/*.eml | wc -l``.

Stdlib only (socketserver), so it works on Python 3.12+ where ``smtpd`` is gone. No AUTH, no STARTTLS.
Usage: smtp_sink.py HOST PORT DIR
"""

import itertools
import os
import socketserver
import sys
import time

_seq = itertools.count(1)


class Handler(socketserver.StreamRequestHandler):
    timeout = 60

    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode("ascii"))
        self.wfile.flush()

    def handle(self) -> None:
        self.reply("220 mrc-sink ESMTP ready")
        mail_from, rcpts = None, []
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO",):
                self.wfile.write(b"250-mrc-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n")
                self.wfile.flush()
            elif verb == "HELO":
                self.reply("250 mrc-sink")
            elif line[:10].upper() == "MAIL FROM:":
                mail_from, rcpts = line[10:].strip(), []
                self.reply("250 OK")
            elif line[:8].upper() == "RCPT TO:":
                if mail_from is None:
                    self.reply("503 need MAIL first")
                else:
                    rcpts.append(line[8:].strip())
                    self.reply("250 OK")
            elif verb == "DATA":
                if not rcpts:
                    self.reply("503 need RCPT first")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                chunks = []
                while True:
                    d = self.rfile.readline(1 << 20)
                    if not d:
                        return
                    if d in (b".\r\n", b".\n"):
                        break
                    if d.startswith(b".."):
                        d = d[1:]
                    chunks.append(d)
                self.save(mail_from or "", rcpts, b"".join(chunks))
                mail_from, rcpts = None, []
                self.reply("250 OK queued")
            elif verb == "RSET":
                mail_from, rcpts = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 command not implemented")

    def save(self, mail_from: str, rcpts: list, body: bytes) -> None:
        out_dir = self.server.out_dir  # type: ignore[attr-defined]
        name = f"{time.time_ns()}-{next(_seq):05d}"
        head = f"X-Sink-Mail-From: {mail_from}\r\nX-Sink-Rcpt-To: {', '.join(rcpts)}\r\n".encode()
        tmp = os.path.join(out_dir, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(head + body)
        os.rename(tmp, os.path.join(out_dir, name + ".eml"))
        print(f"delivered {name}.eml from={mail_from} to={','.join(rcpts)} bytes={len(body)}", flush=True)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main() -> None:
    host, port, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out_dir, exist_ok=True)
    with Server((host, port), Handler) as srv:
        srv.out_dir = out_dir  # type: ignore[attr-defined]
        print(f"smtp sink on {host}:{port} -> {out_dir}", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
