/** The scenario gallery: filters by sector, channel and outcome, and a list of cards that load into the editor. */
import { getLocale, t } from '../i18n/index.ts';
import { englishLang } from '../i18n/preact.tsx';
import { CHANNEL_LABEL, SECTOR_LABEL } from './labels.ts';
import { type Filters, OUTCOME_LABEL, OUTCOMES } from './logic.ts';
import { type Scenario, SECTORS } from './types.ts';

interface Props {
  total: number;
  visible: readonly Scenario[];
  filters: Filters;
  selectedId: string | null;
  onFilters(f: Filters): void;
  onSelect(s: Scenario): void;
}

export function Gallery({ total, visible, filters, selectedId, onFilters, onSelect }: Props) {
  return (
    <section class="gallery" aria-labelledby="gallery-heading">
      <h2 id="gallery-heading">{t('training_scenarios')}</h2>
      {getLocale() !== 'en' && <p class="field-hint">{t('training_english_content')}</p>}
      <div class="filters">
        <label>
          {t('training_sector')}
          <select
            id="filter-sector"
            value={filters.sector}
            onChange={(e) => onFilters({ ...filters, sector: e.currentTarget.value as Filters['sector'] })}
          >
            <option value="all">{t('training_all_sectors')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field_channel')}
          <select
            id="filter-channel"
            value={filters.channel}
            onChange={(e) => onFilters({ ...filters, channel: e.currentTarget.value as Filters['channel'] })}
          >
            <option value="all">{t('training_all_channels')}</option>
            <option value="email">{CHANNEL_LABEL.email}</option>
            <option value="sms">{CHANNEL_LABEL.sms}</option>
          </select>
        </label>
        <label>
          {t('training_outcome')}
          <select
            id="filter-outcome"
            value={filters.outcome}
            onChange={(e) => onFilters({ ...filters, outcome: e.currentTarget.value as Filters['outcome'] })}
          >
            <option value="all">{t('training_all_outcomes')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="gallery-count" aria-live="polite">
        {t('training_showing', visible.length, total)}
      </p>
      {visible.length === 0 ? (
        <p>{t('training_no_match')}</p>
      ) : (
        <ul class="cards">
          {visible.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class="scenario-card"
                data-id={s.id}
                aria-pressed={s.id === selectedId}
                onClick={() => onSelect(s)}
              >
                <span class="card-title" lang={englishLang()}>
                  {s.title}
                </span>
                <span class="card-meta">
                  <span class="badge">{SECTOR_LABEL[s.sector]}</span>
                  <span class="badge">{CHANNEL_LABEL[s.channel]}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
