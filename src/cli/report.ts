/**
 * The readable report: a Verdict as text for a terminal or a log. Pure; colour is an option.
 * Every string from the verdict is made safe to print (no control characters, no bidi overrides).
 */
import { PURPOSES, type Severity, type Verdict } from '../core/index.ts';
import { render, renderMessage, renderQuestion } from '../i18n/render.ts';
// The route in the same words as the extension (its English catalogue), so a route reads the same everywhere.
import { ROUTE_LABEL } from '../ui/labels.ts';
import { flagForField } from './args.ts';

export interface ReportOptions {
  color: boolean;
  /** At most this many evidence lines (the JSON output has them all). */
  maxEvidence?: number;
  /** How the input was read (an e-mail's MIME part, its List-Unsubscribe header), one line each. */
  notes?: readonly string[];
}

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
} as const;

type Style = keyof typeof ANSI;

const LEVEL_STYLE: Readonly<Record<string, Style>> = {
  yes: 'red',
  likely: 'yellow',
  unclear: 'magenta',
  unlikely: 'green',
  no: 'green',
};

const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** One printable line: control characters and bidi controls removed, whitespace runs collapsed. */
export function clean(value: unknown, max = Number.POSITIVE_INFINITY): string {
  const s = String(value ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length <= max) return s;
  return `${s.slice(0, max - 1).trimEnd()}…`;
}

function score(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(2) : '?';
}

export function headline(verdict: Verdict): string {
  const purpose = verdict.primaryPurpose !== 'none' ? ` — ${clean(verdict.primaryPurpose)}` : '';
  return `Direct marketing: ${clean(verdict.directMarketing)}${purpose}`;
}

export function formatReport(name: string, verdict: Verdict, options: ReportOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const maxEvidence = options.maxEvidence ?? 40;
  const lines: string[] = [];

  lines.push(paint('bold', `== ${clean(name)} ==`));
  for (const note of options.notes ?? []) lines.push(paint('dim', `Input: ${clean(note)}`));
  lines.push(paint(LEVEL_STYLE[verdict.directMarketing] ?? 'bold', paint('bold', headline(verdict))));
  const label = clean(ROUTE_LABEL[verdict.route] ?? verdict.route);
  lines.push(`Route: ${label} ${paint('dim', `(${clean(verdict.route)})`)}`);
  lines.push(`Summary: ${clean(render(verdict.decision, 'en').message.text)}`);
  // Right after the summary: the reader must know when the verdict could not read all of the draft.
  if (verdict.language?.coverage === 'limited') {
    const codes = [...new Set((verdict.language.paragraphs ?? []).map((p) => clean(p.language)))];
    const how = `${codes.join('+') || clean(verdict.language.primary)}, ${verdict.language.basis === 'cues' ? 'cues only' : 'English text'}`;
    const note = verdict.language.note ? renderMessage(verdict.language.note, 'en').text : '';
    lines.push(`${paint('bold', `Language: ${clean(note)}`)} ${paint('dim', `(${how})`)}`);
  }
  lines.push(`Purposes: ${PURPOSES.map((p) => `${p} ${score(verdict.purposes?.[p])}`).join(' · ')}`);

  const evidence = verdict.evidence ?? [];
  if (evidence.length > 0) {
    lines.push('', paint('bold', 'Evidence'));
    for (const e of evidence.slice(0, maxEvidence)) {
      const purpose = e.purpose && e.purpose !== 'none' ? ` [${clean(e.purpose)}]` : '';
      lines.push(
        `  ${clean(e.field)} ${e.start}-${e.end} "${clean(e.text, 80)}" — ${clean(render(e, 'en').message.text)}${purpose}`,
      );
    }
    if (evidence.length > maxEvidence) {
      lines.push(paint('dim', `  … and ${evidence.length - maxEvidence} more (--json lists them all)`));
    }
  }

  const rules = verdict.rules ?? [];
  if (rules.length > 0) {
    lines.push('', paint('bold', 'Rules'));
    for (const rule of rules) {
      const r = render(rule, 'en');
      lines.push(`  • ${clean(r.message.text)} ${paint('dim', `(${clean(rule.ruleId)})`)}`);
      if (r.note) lines.push(`    ${clean(r.note.text)}`);
      for (const c of r.citations) lines.push(`    ${paint('dim', `${clean(c.title)}: ${clean(c.url)}`)}`);
    }
  }

  const checks = verdict.checks ?? [];
  if (checks.length > 0) {
    lines.push('', paint('bold', 'Checks'));
    for (const c of checks) {
      const tag = paint(SEVERITY_STYLE[c.severity] ?? 'bold', `[${clean(c.severity)}]`);
      lines.push(`  ${tag} ${clean(render(c, 'en').message.text)} ${paint('dim', `(${clean(c.ruleId)})`)}`);
    }
  }

  const questions = verdict.questions ?? [];
  if (questions.length > 0) {
    lines.push('', paint('bold', 'Questions'));
    for (const q of questions) {
      const flag = flagForField(q.field);
      const words = renderQuestion(q, 'en');
      const options = words.options.map(
        (o) => `${clean(o.label.text)}${flag ? ` (${flag} ${clean(o.value)})` : ''}`,
      );
      lines.push(`  ? ${clean(words.text.text)}`);
      if (options.length > 0) lines.push(`    ${options.join(' | ')}`);
    }
  }

  return `${lines.join('\n')}\n`;
}

/** Colour when stdout is a terminal and NO_COLOR is unset or empty (FORCE_COLOR forces it on). */
export function useColor(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY === true && env.TERM !== 'dumb';
}
