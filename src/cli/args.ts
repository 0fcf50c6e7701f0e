/**
 * Command-line argument parsing for `marketing-check`. Pure: takes argv, returns options or throws UsageError.
 * Accepts `--flag value` and `--flag=value`; `--` ends the options; a lone `-` is the stdin file.
 */
// context.ts and verdict.ts only (types and constants): the launcher parses arguments and answers --help and
// --version without loading the classifier.
import { CONTEXT_VALUES, type ContextInput, type EnumField } from '../core/context.ts';
import { DM_LEVELS, ROUTES } from '../core/verdict.ts';

export class UsageError extends Error {
  override name = 'UsageError';
  /** Print the usage line after the message (only when no input was given; flag errors stay on one line). */
  readonly showUsage: boolean;
  constructor(message: string, showUsage = false) {
    super(message);
    this.showUsage = showUsage;
  }
}

export interface RunOptions {
  mode: 'run';
  json: boolean;
  jsonl: boolean;
  files: string[];
  context: ContextInput;
  /** --jobs: lines --jsonl checks at once (the main thread and jobs - 1 worker threads); undefined: one per core. */
  jobs?: number;
}

export type ParsedArgs = { mode: 'help' } | { mode: 'version' } | RunOptions;

/** Flags that set an enumerated context field, and the field they set. */
export const ENUM_FLAGS: Readonly<Record<string, EnumField>> = {
  '--sender': 'sender',
  '--channel': 'channel',
  '--recipient-type': 'recipientType',
  '--relationship': 'relationship',
  '--consent': 'consent',
  '--soft-opt-in': 'softOptInConditions',
  '--solicited': 'solicited',
  '--public-task': 'publicTaskNecessary',
  '--promotes': 'promotes',
};

const STRING_FLAGS: Readonly<Record<string, 'senderName'>> = {
  '--sender-name': 'senderName',
};

/** --jobs N: at most this many lines at once. */
export const MAX_JOBS = 256;

const BOOLEAN_FLAGS = ['--json', '--jsonl', '--help', '-h', '--version'] as const;

/**
 * The flag that sets a context field (`publicTaskNecessary` → `--public-task`), read from the tables above so that a
 * suggestion can never name a flag the parser rejects; undefined for a field no flag sets.
 */
export function flagForField(field: string): string | undefined {
  for (const table of [ENUM_FLAGS, STRING_FLAGS] as const) {
    for (const [flag, f] of Object.entries(table)) if (f === field) return flag;
  }
  return undefined;
}

export const PROGRAM = 'marketing-check';

/** A flag's values: the context's, plus `unknown` for the sender (the JSON Lines context takes it too). */
const valuesOf = (field: EnumField): readonly string[] =>
  field === 'sender' ? [...CONTEXT_VALUES.sender, 'unknown'] : CONTEXT_VALUES[field];

/** Keeps what we echo back in messages short and on one line. */
function show(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 60)}…` : clean);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const endOfOptions = argv.indexOf('--');
  const optionPart = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (optionPart.includes('--help') || optionPart.includes('-h')) return { mode: 'help' };

  const out: RunOptions = { mode: 'run', json: false, jsonl: false, files: [], context: {} };
  let version = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      out.files.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);

    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value (got ${show(inline)})`);
      if (name === '--json') out.json = true;
      else if (name === '--jsonl') out.jsonl = true;
      else if (name === '--version') version = true;
      continue;
    }

    const field = ENUM_FLAGS[name] ?? STRING_FLAGS[name] ?? (name === '--jobs' ? 'jobs' : undefined);
    if (field === undefined) {
      throw new UsageError(`unknown option ${show(name)} (run ${PROGRAM} --help for the options)`);
    }

    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`${name} needs a value${allowedText(name)}`);
      }
      value = next;
      i++;
    }

    const enumField = ENUM_FLAGS[name];
    if (name === '--jobs') {
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) {
        throw new UsageError(`--jobs: ${show(value)} is not a number from 1 to ${MAX_JOBS}`);
      }
      out.jobs = Number(value);
    } else if (enumField !== undefined) {
      const allowed: readonly string[] = valuesOf(enumField);
      if (!allowed.includes(value)) {
        throw new UsageError(`${name}: ${show(value)} is not one of ${allowed.join(' | ')}`);
      }
      (out.context as Record<string, string>)[enumField] = value;
    } else {
      if (value.length > 200) throw new UsageError(`${name}: the name is longer than 200 characters`);
      out.context.senderName = value;
    }
  }

  if (version) return { mode: 'version' };
  if (out.jobs !== undefined && !out.jsonl) throw new UsageError('--jobs works with --jsonl only');
  if (out.jsonl && out.files.length > 0) {
    throw new UsageError('--jsonl reads JSON Lines from stdin and takes no FILE arguments');
  }
  if (!out.jsonl && out.files.length === 0) {
    throw new UsageError('no input: give one or more FILEs (- for stdin) or --jsonl', true);
  }
  return out;
}

function allowedText(name: string): string {
  const field = ENUM_FLAGS[name];
  return field === undefined ? '' : ` (one of ${valuesOf(field).join(' | ')})`;
}

export function usageLine(): string {
  return `usage: ${PROGRAM} [options] FILE…   or   ${PROGRAM} [options] --jsonl < input.jsonl`;
}

export function helpText(version: string): string {
  const values = (field: EnumField) => valuesOf(field).join('|');
  return `${PROGRAM} ${version}: does UK direct-marketing law (PECR, UK GDPR) apply to this email or SMS draft?

${usageLine()}

Input
  FILE…                 .txt or .eml drafts; - reads stdin.
                        .txt: an optional first line "Subject: …", then the body.
                        .eml: an RFC 822 message (MIME, quoted-printable, base64, HTML parts);
                        To/Cc/Bcc become the context's recipients.
                        .html/.htm: the page's text. Other names: sniffed (.eml if it has mail headers).
  --jsonl               Read JSON Lines on stdin, one draft a line:
                          {"id": …, "subject": "…", "body": "…", "channel"?: "email|sms", "context"?: {…}}
                        Writes one line per input: the verdict JSON plus "id". A bad line gives
                        {"id": …, "error": "…"} and the rest go on. Blank lines are skipped.
                        A line's "context" overrides the flags below field by field.
                        Output keeps the input's order. As many lines are checked at once as there
                        are cores: in the main thread and on worker threads, which start when the
                        input is more than the main thread soon gets through.
  --jobs N              With --jsonl: check at most N lines at once (1: in the main thread only).

Output
  (default)             A readable report per file.
  --json                The verdict as JSON: one object for one FILE; for several FILEs a JSON array,
                        one element per FILE in order, each the verdict plus "file" (or {"file", "error"}).
                        Errors also go to stderr; a single FILE that fails prints nothing on stdout.

Context (applies to every input)
  --sender VALUE          ${values('sender')}
  --channel VALUE         ${values('channel')}
  --recipient-type VALUE  ${values('recipientType')}
  --relationship VALUE    ${values('relationship')}
  --consent VALUE         ${values('consent')}
  --soft-opt-in VALUE     ${values('softOptInConditions')}   (the soft opt-in conditions)
  --solicited VALUE       ${values('solicited')}   (did the recipient ask for this message?)
  --public-task VALUE     ${values('publicTaskNecessary')}   (public authority: is the promotion necessary for your task?)
  --promotes VALUE        ${values('promotes')}   (does any part of this draft promote something to the recipient?)
  --sender-name NAME      The organisation's name, for the sender-identity check.
  Options take "--flag value" or "--flag=value".

  -h, --help            Show this help.
  --version             Show the version.

Verdict
  directMarketing       ${DM_LEVELS.join(' | ')}: is the draft direct marketing? "unclear" comes with the
                        questions whose answers settle it (give them with the flags above).
  route                 ${ROUTES.join(' | ')}
  Every finding names the words it rests on and its source. This is not legal advice.

Exit status: 0 all inputs checked, 1 some input failed, 2 usage error.
Colour only when stdout is a terminal and NO_COLOR is not set.
`;
}
