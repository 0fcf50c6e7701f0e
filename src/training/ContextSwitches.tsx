/** One-click segmented buttons for every context field; the pressed button is the current answer. */
import { CONTEXT_VALUES, type Context, type EnumField } from '../core/context.ts';
import { t } from '../i18n/index.ts';
import { FIELD_LABEL, VALUE_LABEL } from './labels.ts';

const FIELDS = Object.keys(CONTEXT_VALUES) as EnumField[];

function valuesOf(field: EnumField): readonly string[] {
  return field === 'sender' ? ['unknown', ...CONTEXT_VALUES.sender] : CONTEXT_VALUES[field];
}

export function ContextSwitches({
  context,
  onChange,
}: {
  context: Context;
  onChange(field: EnumField, value: string): void;
}) {
  return (
    <section class="context" aria-labelledby="context-heading">
      <h2 id="context-heading">{t('training_context')}</h2>
      <p class="field-hint">{t('training_context_hint')}</p>
      {FIELDS.map((field) => (
        <fieldset class="switch-row" key={field}>
          <legend class="switch-label">{FIELD_LABEL[field]}</legend>
          <div class="segmented">
            {valuesOf(field).map((value) => {
              const on = context[field] === value;
              return (
                <button
                  type="button"
                  key={value}
                  class="seg"
                  data-field={field}
                  data-value={value}
                  aria-pressed={on}
                  onClick={() => onChange(field, value)}
                >
                  {VALUE_LABEL[field][value] ?? value}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
