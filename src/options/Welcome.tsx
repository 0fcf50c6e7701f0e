/**
 * The first-run page (issue #13 item 5): the options page opened at install with `#welcome`. It says in two
 * sentences why three answers matter (organisation type and name, the usual channel: they change verdicts) and
 * lets the user skip. The answers themselves are the settings just below it, saved as they are chosen.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

/** True when the options page was opened as the first-run page. */
export const isWelcome = (loc: Pick<Location, 'hash'> = location) => loc.hash === '#welcome';

export function Welcome() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="welcome notice" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title" ref={heading} tabIndex={-1}>
        {t('welcome_title')}
      </h2>
      <p>{t('welcome_text')}</p>
      <p>
        <a href="#organisation-title">{t('welcome_start')}</a>{' '}
        <button type="button" onClick={() => window.close()}>
          {t('welcome_skip')}
        </button>
      </p>
    </section>
  );
}
