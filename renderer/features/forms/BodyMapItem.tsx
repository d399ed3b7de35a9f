// A body map item: the areas marked are NHS checkboxes (keyboard-first, one per region, front and
// back), and an outline of the body beside them shows where the marks are. The outline is a
// picture of the answer, not a control, so it is hidden from assistive technology. Option ids are
// item-<id>-opt-<n> in the order of BODY_MAP_REGIONS, like a multi-choice item.
import { BODY_MAP_REGIONS, type BodyView } from '../../../domain/templates/body-map';
import type { Item } from '../../../domain/templates/template-schema';
import { ErrorMessage } from '../../components/ErrorMessage';

type MapItem = Extract<Item, { kind: 'bodyMap' }>;

const VIEWS: { view: BodyView; title: string }[] = [
  { view: 'front', title: 'Front of the body' },
  { view: 'back', title: 'Back of the body' },
];

function Outline({ view, marked }: { view: BodyView; marked: ReadonlySet<string> }) {
  return (
    <svg className="sonar-body-map__outline" viewBox="0 0 100 220" width="100" height="220" aria-hidden="true" focusable="false">
      <circle cx="50" cy="14" r="11" />
      <rect x="34" y="28" width="32" height="80" rx="10" />
      <rect x="14" y="34" width="14" height="80" rx="7" />
      <rect x="72" y="34" width="14" height="80" rx="7" />
      <rect x="34" y="108" width="14" height="106" rx="7" />
      <rect x="52" y="108" width="14" height="106" rx="7" />
      {BODY_MAP_REGIONS.filter((r) => r.view === view && marked.has(r.value)).map((r) => (
        <circle key={r.value} className="sonar-body-map__mark" cx={r.x} cy={r.y} r="5" />
      ))}
    </svg>
  );
}

export function BodyMapItem({ item, value, onChange, error }: { item: MapItem; value: string[]; onChange(v: string[]): void; error?: string | undefined }) {
  const base = `item-${item.id}`;
  const marked = new Set(value);
  const describedBy = [item.help ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} data-item={item.id}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {item.label}
          {item.required ? null : <span className="sonar-optional"> (optional)</span>}
        </legend>
        {item.help ? (
          <div className="nhsuk-hint" id={`${base}-hint`}>
            {item.help}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${base}-error`} message={error} /> : null}
        <div className="sonar-body-map">
          {VIEWS.map(({ view, title }) => (
            <fieldset className="nhsuk-fieldset sonar-body-map__view" key={view}>
              <legend className="nhsuk-fieldset__legend nhsuk-body-s">{title}</legend>
              <Outline view={view} marked={marked} />
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                {BODY_MAP_REGIONS.map((r, i) =>
                  r.view !== view ? null : (
                    <div className="nhsuk-checkboxes__item" key={r.value}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={`${base}-opt-${i}`}
                        type="checkbox"
                        value={r.value}
                        checked={marked.has(r.value)}
                        onChange={() => onChange(marked.has(r.value) ? value.filter((v) => v !== r.value) : [...value, r.value])}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${base}-opt-${i}`}>
                        {r.label}
                      </label>
                    </div>
                  ),
                )}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
