/**
 * Training mode: a scenario gallery, a live editor with evidence highlights and context switches, the decision
 * walkthrough, presenter mode, a quiz and a printable hand-out. Runs as an extension page and as a plain web
 * page: no extension API is used anywhere, and nothing leaves the page.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_CONTEXT } from '../core/context.ts';
import type { Checker, Context, EnumField, Walkthrough } from '../core/index.ts';
import { getLocale, HTML_LANG, type Locale, setLocale, t } from '../i18n/index.ts';
import { englishLang, useLocale } from '../i18n/preact.tsx';
import { headline, ROUTE_LABEL } from '../ui/labels.ts';
import { VerdictView } from '../ui/VerdictView.tsx';
import { ContextSwitches } from './ContextSwitches.tsx';
import { Gallery } from './Gallery.tsx';
import { Handout, type HandoutPage } from './Handout.tsx';
import { HighlightField, Legend } from './HighlightField.tsx';
import {
  applyFilters,
  evidenceSteps,
  type Filters,
  NO_FILTERS,
  parseQuizSettings,
  parseSeed,
  type QuizSettings,
} from './logic.ts';
import { Presenter } from './Presenter.tsx';
import { Quiz } from './Quiz.tsx';
import { ScenarioAnswer } from './ScenarioAnswer.tsx';
import { SCENARIOS } from './scenarios.ts';
import { type Scenario, SECTORS } from './types.ts';
import { WalkthroughPanel } from './WalkthroughPanel.tsx';
import { useWalkthrough } from './walk.ts';

type Core = typeof import('../core/index.ts');
type Mode = 'explore' | 'quiz';

const DEBOUNCE_MS = 200;

function scenarioContext(s: Scenario): Context {
  const { recipients: _r, senderName: _n, ...rest } = s.context;
  return { ...DEFAULT_CONTEXT, ...rest, channel: s.channel };
}

function sameContext(a: Context, b: Context): boolean {
  return (Object.keys(DEFAULT_CONTEXT) as (keyof Context)[]).every((k) => a[k] === b[k]);
}

/** Keys typed into a field belong to the field, not to the page's shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function initialMode(search: string): Mode {
  const params = new URLSearchParams(search);
  return params.get('mode') === 'quiz' || params.has('seed') ? 'quiz' : 'explore';
}

function setUrlParams(update: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(update)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  try {
    window.history.replaceState(null, '', url);
  } catch {
    // Some hosts (file://, sandboxed frames) refuse; the page works without it.
  }
}

/**
 * The language button: offers the other language, named in that language and marked as such; its accessible
 * name says what it does in the current language and contains the visible name (WCAG 2.5.3).
 */
function LanguageButton() {
  const other: Locale = getLocale() === 'cy' ? 'en' : 'cy';
  const name = other === 'cy' ? t('language_endonym_cy') : t('language_endonym_en');
  return (
    <button
      type="button"
      id="language"
      aria-label={t('training_switch_language', name)}
      onClick={() => {
        void setLocale(other);
        setUrlParams({ lang: other });
      }}
    >
      <span lang={HTML_LANG[other]}>{name}</span>
    </button>
  );
}

/** What the hand-out prints: this scenario or every one the gallery shows, and the summary sheet. */
function PrintSetup(p: {
  shown: number;
  scope: 'this' | 'shown';
  summary: boolean;
  onScope(scope: 'this' | 'shown'): void;
  onSummary(on: boolean): void;
  onClose(): void;
}) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const close = () => {
    p.onClose();
    document.getElementById('print')?.focus();
  };
  return (
    <fieldset
      class="print-setup"
      id="print-setup"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <legend>{t('print_what')}</legend>
      <label>
        <input
          type="radio"
          name="print-scope"
          id="print-this"
          ref={first}
          checked={p.scope === 'this'}
          onChange={() => p.onScope('this')}
        />{' '}
        {t('print_this')}
      </label>
      <label>
        <input
          type="radio"
          name="print-scope"
          id="print-shown"
          checked={p.scope === 'shown'}
          onChange={() => p.onScope('shown')}
        />{' '}
        {t('print_shown', p.shown)}
      </label>
      <label>
        <input
          type="checkbox"
          id="print-summary"
          checked={p.summary}
          onChange={(e) => p.onSummary(e.currentTarget.checked)}
        />{' '}
        {t('print_summary')}
      </label>
      <p class="field-hint">{t('handout_page_hint')}</p>
      <p>
        <button type="button" id="print-go" class="primary" onClick={() => window.print()}>
          {t('print_go')}
        </button>{' '}
        <button type="button" onClick={close}>
          {t('print_cancel')}
        </button>
      </p>
    </fieldset>
  );
}

export function App() {
  useLocale();
  const [core, setCore] = useState<Core | null>(null);
  const checker = useRef<Checker | null>(null);
  const [mode, setMode] = useState<Mode>(() => initialMode(window.location.search));
  const [seed, setSeed] = useState<number>(
    () => parseSeed(window.location.search) ?? Math.floor(Math.random() * 1_000_000),
  );
  const [quizSettings, setQuizSettings] = useState<QuizSettings>(() =>
    parseQuizSettings(window.location.search),
  );

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const visible = useMemo(() => applyFilters(SCENARIOS, filters), [filters]);
  const first = SCENARIOS[0] ?? null;
  const [scenario, setScenario] = useState<Scenario | null>(first);
  const [subject, setSubject] = useState(first?.subject ?? '');
  const [body, setBody] = useState(first?.body ?? '');
  const [context, setContext] = useState<Context>(first ? scenarioContext(first) : DEFAULT_CONTEXT);
  /** The draft as last checked: follows the fields after a short pause in typing. */
  const [checked, setChecked] = useState({ subject, body });

  const [showWalk, setShowWalk] = useState(false);
  const [presenting, setPresenting] = useState(false);
  /** Presenter: how many evidence phrases are lit, and whether the answer is shown. */
  const [lit, setLit] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const presenterButton = useRef<HTMLButtonElement>(null);
  const walkButton = useRef<HTMLButtonElement>(null);
  /** The hand-out: the print options panel, and what it prints (also when the browser's own Print is used). */
  const [printSetup, setPrintSetup] = useState(false);
  const [printScope, setPrintScope] = useState<'this' | 'shown'>('this');
  const [printSummary, setPrintSummary] = useState(false);
  const fullscreenByUs = useRef(false);

  useEffect(() => {
    // compromise is large: load the core after the first paint.
    import('../core/index.ts').then((c) => {
      checker.current = c.createChecker();
      setCore(c);
    });
  }, []);

  useEffect(() => {
    if (checked.subject === subject && checked.body === body) return;
    const timer = setTimeout(() => setChecked({ subject, body }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [subject, body, checked]);

  // Context changes apply at once: the per-sentence cache makes a re-check of the same text cheap. Explained in a
  // worker, so typing never waits for the core (walk.ts); on the page when no worker can run.
  const result = useWalkthrough(core ? checker.current : null, checked, context);
  const verdict = result?.verdict ?? null;
  const steps = result?.steps ?? [];
  const phraseCount = verdict ? evidenceSteps(verdict.evidence, subject, body).length : 0;
  const pristine =
    !!scenario &&
    subject === scenario.subject &&
    body === scenario.body &&
    sameContext(context, scenarioContext(scenario));

  /** The current scenario, updated at once (two quick arrow presses move two scenarios). */
  const current = useRef<Scenario | null>(first);
  // Only state setters and a ref: the same function for the page's life, so the gallery below is not redrawn on
  // every keystroke in the editor beside it.
  const load = useCallback((s: Scenario) => {
    current.current = s;
    setScenario(s);
    setSubject(s.subject);
    setBody(s.body);
    setChecked({ subject: s.subject, body: s.body });
    setContext(scenarioContext(s));
    setLit(0);
    setRevealed(false);
  }, []);

  const step = (delta: number) => {
    if (visible.length === 0) return;
    const now = current.current;
    const at = now ? visible.findIndex((s) => s.id === now.id) : -1;
    const nextIndex = at < 0 ? 0 : (at + delta + visible.length) % visible.length;
    const next = visible[nextIndex];
    if (next) load(next);
  };

  /** Presenter: light the next phrase; after the last, show the answer. */
  const stepForward = () => {
    if (revealed) return;
    if (Math.min(lit, phraseCount) < phraseCount) setLit(Math.min(lit, phraseCount) + 1);
    else setRevealed(true);
  };
  const stepBack = () => {
    if (revealed) setRevealed(false);
    else setLit(Math.max(0, Math.min(lit, phraseCount) - 1));
  };
  const toggleAnswer = () => {
    if (!revealed) setLit(Number.MAX_SAFE_INTEGER);
    setRevealed(!revealed);
  };
  /** Typing in presenter mode is a live demonstration: every phrase lit and the verdict shown as it changes. */
  const presentEdit = (update: () => void) => {
    update();
    setLit(Number.MAX_SAFE_INTEGER);
    setRevealed(true);
  };

  /** Shows or hides the walkthrough; when hiding it takes focus back to where the reader came from. */
  const toggleWalk = () => {
    const focusInside = !!document.activeElement?.closest('.walkthrough');
    setShowWalk((w) => !w);
    if (showWalk && focusInside)
      setTimeout(
        () => (presenting ? document.querySelector<HTMLElement>('.presenter') : walkButton.current)?.focus(),
        0,
      );
  };

  const enterPresenter = () => {
    setPresenting(true);
    setLit(0);
    setRevealed(false);
    const el = document.documentElement;
    if (!document.fullscreenElement && typeof el.requestFullscreen === 'function') {
      el.requestFullscreen()
        .then(() => {
          fullscreenByUs.current = true;
        })
        .catch(() => {
          // Not allowed here (no user gesture, an iframe, a kiosk): presenter mode works without it.
        });
    }
  };

  const exitPresenter = () => {
    setPresenting(false);
    if (fullscreenByUs.current && document.fullscreenElement) {
      fullscreenByUs.current = false;
      document.exitFullscreen().catch(() => {});
    }
    fullscreenByUs.current = false;
    setTimeout(() => presenterButton.current?.focus(), 0);
  };

  // Leaving full screen with the browser's own control also leaves presenter mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && fullscreenByUs.current) {
        fullscreenByUs.current = false;
        setPresenting(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Keyboard shortcuts: one listener that calls the handler of the latest render, so a key pressed right after
  // a re-render never sees stale state.
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => {});
  keyHandler.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (presenting) {
      if (e.key === 'Escape') {
        e.preventDefault();
        // Escape in the draft leaves the draft; a second Escape leaves presenter mode.
        if (isTyping(e.target)) document.querySelector<HTMLElement>('.presenter')?.focus();
        else exitPresenter();
        return;
      }
      if (isTyping(e.target)) return;
      const onControl = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
      if (e.key === 'ArrowRight') step(1);
      else if (e.key === 'ArrowLeft') step(-1);
      else if (e.key === ' ' && !onControl) (e.shiftKey ? stepBack : stepForward)();
      else if (e.key === 'a' || e.key === 'A') toggleAnswer();
      else if (e.key === 'w' || e.key === 'W') toggleWalk();
      else if (e.key === 'e' || e.key === 'E') document.getElementById('presenter-body')?.focus();
      else return;
      e.preventDefault();
      return;
    }
    if (mode !== 'explore' || isTyping(e.target)) return;
    if (e.key === 'p' || e.key === 'P') {
      e.preventDefault();
      enterPresenter();
    } else if (e.key === 'w' || e.key === 'W') {
      e.preventDefault();
      toggleWalk();
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const switchMode = (m: Mode) => {
    setMode(m);
    setUrlParams({ mode: m === 'quiz' ? 'quiz' : null, seed: m === 'quiz' ? String(seed) : null });
  };

  const changeContext = (field: EnumField, value: string) => setContext((c) => ({ ...c, [field]: value }));

  const handoutPages: HandoutPage[] = useMemo(() => {
    if (printScope === 'shown' && core && checker.current) {
      const c = checker.current;
      return visible.map((s) => {
        let walk: Walkthrough | null = null;
        try {
          walk = c.explain({ subject: s.subject, body: s.body, channel: s.channel }, scenarioContext(s));
        } catch {
          // A page without a verdict still prints the draft.
        }
        return {
          scenario: s,
          pristine: true,
          subject: s.subject,
          body: s.body,
          context: scenarioContext(s),
          walk,
        };
      });
    }
    // The draft as last checked (it follows the fields after the typing pause), so the hand-out, which measures
    // itself to fit a sheet, is not laid out again on every keystroke.
    const checkedPristine =
      !!scenario &&
      checked.subject === scenario.subject &&
      checked.body === scenario.body &&
      sameContext(context, scenarioContext(scenario));
    return [
      {
        scenario,
        pristine: checkedPristine,
        subject: checked.subject,
        body: checked.body,
        context,
        walk: result,
      },
    ];
  }, [printScope, core, visible, scenario, checked, context, result]);
  // The same element while its pages are the same: Preact then skips the hand-out entirely while the writer types.
  const handout = useMemo(
    () => <Handout pages={handoutPages} summary={printSummary} />,
    [handoutPages, printSummary],
  );

  // The same element while the filters and the chosen scenario stay: Preact skips the 62 cards on a keystroke.
  const selectedId = scenario?.id ?? null;
  const gallery = useMemo(
    () => (
      <Gallery
        total={SCENARIOS.length}
        visible={visible}
        filters={filters}
        selectedId={selectedId}
        onFilters={setFilters}
        onSelect={load}
      />
    ),
    [visible, filters, selectedId, load],
  );

  if (presenting) {
    const at = scenario ? visible.findIndex((s) => s.id === scenario.id) : -1;
    return (
      <>
        <div class="screen">
          <Presenter
            scenario={scenario}
            position={Math.max(at, 0)}
            count={at < 0 ? 0 : visible.length}
            subject={subject}
            body={body}
            sms={context.channel === 'sms'}
            verdict={verdict}
            steps={steps}
            pristine={pristine}
            lit={lit}
            revealed={revealed}
            showWalk={showWalk}
            onSubject={(v) => presentEdit(() => setSubject(v))}
            onBody={(v) => presentEdit(() => setBody(v))}
            onPrev={() => step(-1)}
            onNext={() => step(1)}
            onStep={stepForward}
            onReveal={toggleAnswer}
            onWalk={toggleWalk}
            onExit={exitPresenter}
          />
        </div>
        {handout}
      </>
    );
  }

  return (
    <>
      <div class="screen">
        <header class="top">
          <h1>{t('training_title')}</h1>
          <nav class="tabs" aria-label={t('training_mode')}>
            <button
              type="button"
              class="tab"
              aria-pressed={mode === 'explore'}
              onClick={() => switchMode('explore')}
            >
              {t('training_explore')}
            </button>
            <button
              type="button"
              class="tab"
              aria-pressed={mode === 'quiz'}
              onClick={() => switchMode('quiz')}
            >
              {t('training_quiz')}
            </button>
          </nav>
          {mode === 'explore' && (
            <div class="toolbar">
              <button
                type="button"
                id="toggle-walk"
                ref={walkButton}
                aria-pressed={showWalk}
                aria-keyshortcuts="W"
                onClick={toggleWalk}
              >
                {t('training_walkthrough')} <kbd>W</kbd>
              </button>
              <button
                type="button"
                id="present"
                ref={presenterButton}
                aria-keyshortcuts="P"
                onClick={enterPresenter}
              >
                {t('training_present')} <kbd>P</kbd>
              </button>
              <button
                type="button"
                id="print"
                aria-expanded={printSetup}
                aria-controls="print-setup"
                onClick={() => setPrintSetup((o) => !o)}
              >
                {t('training_print')}
              </button>
            </div>
          )}
          <LanguageButton />
          {mode === 'explore' && printSetup && (
            <PrintSetup
              shown={visible.length}
              scope={printScope}
              summary={printSummary}
              onScope={setPrintScope}
              onSummary={setPrintSummary}
              onClose={() => setPrintSetup(false)}
            />
          )}
        </header>
        {mode === 'quiz' ? (
          <main class="quiz-main">
            <Quiz
              scenarios={SCENARIOS}
              checker={core ? checker.current : null}
              seed={seed}
              settings={quizSettings}
              onStart={(s, settings) => {
                setSeed(s);
                setQuizSettings(settings);
                setUrlParams({
                  mode: 'quiz',
                  seed: String(s),
                  n: String(settings.size),
                  sectors: settings.sectors.length === SECTORS.length ? null : settings.sectors.join(','),
                });
              }}
            />
          </main>
        ) : (
          <main class="explore">
            {gallery}
            <section class="editor" aria-labelledby="editor-heading">
              <h2 id="editor-heading">
                {scenario ? <span lang={englishLang()}>{scenario.title}</span> : t('training_your_draft')}
                {scenario && !pristine && <span class="badge badge-edited">{t('training_edited')}</span>}
              </h2>
              {scenario && !pristine && (
                <button type="button" class="link-button" onClick={() => load(scenario)}>
                  {t('training_reset')}
                </button>
              )}
              <HighlightField
                id="subject"
                label={t('common_subject')}
                field="subject"
                value={subject}
                evidence={verdict?.evidence ?? []}
                hint={context.channel === 'sms' ? t('training_sms_no_subject') : undefined}
                onInput={setSubject}
              />
              <HighlightField
                id="body"
                label={t('common_message')}
                field="body"
                multiline
                value={body}
                evidence={verdict?.evidence ?? []}
                onInput={setBody}
              />
              <Legend />
              <ContextSwitches context={context} onChange={changeContext} />
            </section>
            <section class="result" aria-labelledby="result-heading">
              <h2 id="result-heading" class="visually-hidden">
                {t('training_result')}
              </h2>
              <p class="visually-hidden" role="status">
                {verdict
                  ? t(
                      'training_status',
                      headline(verdict.directMarketing, verdict.primaryPurpose),
                      ROUTE_LABEL[verdict.route],
                    )
                  : ''}
              </p>
              <div class="live">
                {verdict ? (
                  <VerdictView verdict={verdict} />
                ) : (
                  <p class="placeholder">
                    {core ? t('training_type_to_check') : t('training_loading')} {t('common_nothing_leaves')}
                  </p>
                )}
              </div>
              {showWalk && <WalkthroughPanel steps={steps} id="walk" focusOnOpen />}
              {scenario && <ScenarioAnswer scenario={scenario} verdict={verdict} compare={pristine} />}
            </section>
          </main>
        )}
      </div>
      {handout}
    </>
  );
}
