/**
 * Helpers for browser tests against the real loopback Roundcube (scripts/roundcube, issue #3) and its SMTP sink
 * (issue #4). Not a test file: import it from a *.test.ts. Needs root and Debian's apt on first use (setup.sh
 * installs the packages; about 30–65 s cold, under 1 s warm).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts/roundcube');

export interface RoundcubeEnv {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:38080/ */
  RC_URL: string;
  RC_USER: string;
  RC_PASS: string;
  /** One `<time_ns>-<seq>.eml` file per delivered message. */
  RC_SMTP_SINK_DIR: string;
  [key: string]: string;
}

/** Runs scripts/roundcube/start.sh (setup first when needed; no-op when running) and returns its KEY=VALUE lines. */
export function startRoundcube(env: NodeJS.ProcessEnv = process.env): RoundcubeEnv {
  const out = execFileSync('bash', [path.join(SCRIPTS, 'start.sh')], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const vars: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) vars[line.slice(0, i)] = line.slice(i + 1);
  }
  for (const k of ['RC_URL', 'RC_USER', 'RC_PASS', 'RC_SMTP_SINK_DIR']) {
    if (!vars[k]) throw new Error(`start.sh did not print ${k}`);
  }
  return vars as RoundcubeEnv;
}

export function stopRoundcube(): void {
  execFileSync('bash', [path.join(SCRIPTS, 'stop.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface SinkMessage {
  file: string;
  subject: string;
  /** Envelope recipients as the sink saw them (RCPT TO). */
  rcptTo: string;
  raw: string;
}

/** Messages the SMTP sink has received, oldest first. */
export function sinkMessages(sinkDir: string): SinkMessage[] {
  return readdirSync(sinkDir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(sinkDir, file), 'utf8');
      const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
      return { file, subject: header('Subject'), rcptTo: header('X-Sink-Rcpt-To'), raw };
    });
}

/** Deletes every delivered message (safe while the sink runs). */
export function clearSink(sinkDir: string): void {
  for (const f of readdirSync(sinkDir)) {
    if (f.endsWith('.eml')) rmSync(path.join(sinkDir, f), { force: true });
  }
}
