/**
 * The verdict as the CLI prints it (`--json`, `--jsonl`): the v1 contract (README, "Command line"), its words in
 * English from the catalogue, plus `findings`: every finding with its ids, parameters and sources, and its words.
 * Field order and the v1 fields are kept exactly, so tools that parse them keep working.
 */
import type { Finding, Verdict } from '../core/index.ts';
import { render, renderMessage, renderQuestion } from '../i18n/render.ts';

/** One finding in the JSON output: the core's finding, its citations resolved, and its English words. */
export interface FindingJson {
  source: Finding['source'];
  ruleId: string;
  severity: Finding['severity'];
  span?: Finding['span'];
  messageId: string;
  noteId?: string;
  params: Finding['params'];
  citations: { id: string; title: string; url: string }[];
  /** The message in English. */
  message: string;
  /** The note in English, when there is one. */
  note?: string;
}

export function findingJson(f: Finding): FindingJson {
  const words = render(f, 'en');
  const out: FindingJson = {
    source: f.source,
    ruleId: f.ruleId,
    severity: f.severity,
    ...(f.span ? { span: { ...f.span } } : {}),
    messageId: f.messageId,
    ...(f.noteId ? { noteId: f.noteId } : {}),
    params: f.params,
    citations: f.citations.map((id, i) => ({
      id,
      ...(words.citations[i] as { title: string; url: string }),
    })),
    message: words.message.text,
  };
  if (words.note) out.note = words.note.text;
  return out;
}

/** Every finding of a verdict, in reading order of the report: the decision, evidence, acts, rules, checks. */
export function allFindings(v: Verdict): Finding[] {
  return [v.decision, ...v.evidence, ...v.acts, ...v.rules, ...v.checks];
}

export function verdictJson(v: Verdict): Record<string, unknown> {
  const en = (f: Finding) => render(f, 'en');
  return {
    directMarketing: v.directMarketing,
    primaryPurpose: v.primaryPurpose,
    purposes: v.purposes,
    route: v.route,
    summary: en(v.decision).message.text,
    evidence: v.evidence.map((e) => ({
      start: e.start,
      end: e.end,
      field: e.field,
      text: e.text,
      purpose: e.purpose,
      message: en(e).message.text,
      patternId: e.patternId,
    })),
    rules: v.rules.map((r) => {
      const words = en(r);
      return {
        id: r.ruleId,
        title: words.message.text,
        requirement: words.note?.text ?? '',
        citations: words.citations,
      };
    }),
    checks: v.checks.map((c) => ({ id: c.ruleId, severity: c.severity, message: en(c).message.text })),
    questions: v.questions.map((q) => {
      const words = renderQuestion(q, 'en');
      return {
        field: q.field,
        text: words.text.text,
        options: words.options.map((o) => ({ value: o.value, label: o.label.text })),
        ...(q.variant ? { variant: q.variant } : {}),
      };
    }),
    ...(v.language
      ? {
          language: {
            primary: v.language.primary,
            coverage: v.language.coverage,
            basis: v.language.basis,
            note: v.language.note ? renderMessage(v.language.note, 'en').text : '',
            paragraphs: v.language.paragraphs,
          },
        }
      : {}),
    findings: allFindings(v).map(findingJson),
  };
}
