/** The scenario gallery: filters by sector, channel and outcome, and a list of cards that load into the editor. */
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
      <h2 id="gallery-heading">Scenarios</h2>
      <div class="filters">
        <label>
          Sector
          <select
            id="filter-sector"
            value={filters.sector}
            onChange={(e) => onFilters({ ...filters, sector: e.currentTarget.value as Filters['sector'] })}
          >
            <option value="all">All sectors</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel
          <select
            id="filter-channel"
            value={filters.channel}
            onChange={(e) => onFilters({ ...filters, channel: e.currentTarget.value as Filters['channel'] })}
          >
            <option value="all">All channels</option>
            <option value="email">{CHANNEL_LABEL.email}</option>
            <option value="sms">{CHANNEL_LABEL.sms}</option>
          </select>
        </label>
        <label>
          Outcome
          <select
            id="filter-outcome"
            value={filters.outcome}
            onChange={(e) => onFilters({ ...filters, outcome: e.currentTarget.value as Filters['outcome'] })}
          >
            <option value="all">All outcomes</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="gallery-count" aria-live="polite">
        Showing {visible.length} of {total} scenarios
      </p>
      {visible.length === 0 ? (
        <p>No scenario matches these filters.</p>
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
                <span class="card-title">{s.title}</span>
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
