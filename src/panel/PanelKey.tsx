/**
 * The panel's key (issue #13 item 6): the one colour key and underline style per purpose that the draft's
 * highlights, the panel's evidence and the training page use, and the risk's colours with their shapes and words.
 */
import { t } from '../i18n/index.ts';
import { PURPOSE_LABEL } from '../ui/labels.ts';

const PURPOSES = ['promotional', 'fundraising', 'campaigning'] as const;

export function PanelKey() {
  return (
    <details class="key">
      <summary>{t('panel_key')}</summary>
      <ul class="key-list">
        {PURPOSES.map((p) => (
          <li key={p}>
            <span class={`mark mark-${p}`}>{PURPOSE_LABEL[p]}</span>
          </li>
        ))}
      </ul>
      <ul class="key-list">
        <li class="todo" data-risk="ok">
          <span class="dot" aria-hidden="true" /> {t('risk_ok')}
        </li>
        <li class="todo" data-risk="review">
          <span class="dot" aria-hidden="true" /> {t('risk_review')}
        </li>
        <li class="todo" data-risk="stop">
          <span class="dot" aria-hidden="true" /> {t('problem_level_stop')}
        </li>
      </ul>
    </details>
  );
}
