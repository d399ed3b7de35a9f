// The generic form renderer: any template, as data, becomes NHS-styled sections of questions,
// operable by keyboard alone. Beside it, live: the score and band, progress, and what saving will
// do. Saving with a problem is refused before anything is sent, with an error summary linking to
// each item and the message at the item; what is typed is kept as a draft until saved.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { RpcError } from '../../../contract/result';
import { evaluateResponse } from '../../../domain/templates/evaluate';
import type { Template } from '../../../domain/templates/template-schema';
import type { SummaryItem } from '../../app/form-errors';
import { useApp } from '../../app/store-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DerivedPreview } from './DerivedPreview';
import { itemTarget, toAnswers, type DraftValue, type FormDraft } from './form-draft';
import { pointsByItem, sectionProgress, visibleIssues } from './form-evaluation';
import { FormProgress } from './FormProgress';
import { ItemField } from './ItemField';
import { LiveScores } from './LiveScores';
import type { Answers } from '../../../domain/templates/answers';

interface Props {
  template: Template;
  /** Where the draft is kept (drafts slice); the same key finds it again after an interruption. */
  draftKey: string;
  initialDraft?: FormDraft;
  submitLabel: string;
  /** Fields the caller adds after the questions (the reason for an amendment). */
  extra?: ReactNode;
  /** Checks on the caller's own fields before sending: messages for the summary. */
  checkExtra?(): SummaryItem[];
  /** Sends the answers; null when saved, else the refusal to show. */
  onSubmit(answers: Answers): Promise<RpcError | null>;
}

export function TemplateForm({ template, draftKey, initialDraft, submitLabel, extra, checkExtra, onSubmit }: Props) {
  const stored = useApp((s) => s.drafts[draftKey]);
  const saveDraft = useApp((s) => s.saveDraft);
  const discardDraft = useApp((s) => s.discardDraft);
  const draft: FormDraft = stored ?? initialDraft ?? {};
  const [attempted, setAttempted] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [serverIssues, setServerIssues] = useState<{ general: string[]; items: Record<string, string> }>({ general: [], items: {} });
  const [busy, setBusy] = useState(false);

  const answers = useMemo(() => toAnswers(template, draft), [template, draft]);
  const evaluation = useMemo(() => evaluateResponse(template, answers), [template, answers]);
  const points = pointsByItem(template, answers, evaluation);
  const issues = visibleIssues(evaluation, attempted);
  const enabled = new Set(evaluation.enabledItems);
  const itemErrors = new Map<string, string>();
  for (const i of issues) if (!itemErrors.has(i.itemId)) itemErrors.set(i.itemId, i.message);
  for (const [id, message] of Object.entries(serverIssues.items)) if (!itemErrors.has(id)) itemErrors.set(id, message);

  const items = template.sections.flatMap((s) => s.items);
  const [extraProblems, setExtraProblems] = useState<SummaryItem[]>([]);
  const summary: SummaryItem[] = [
    ...items.filter((i) => itemErrors.has(i.id)).map((i) => ({ message: `${i.label}: ${itemErrors.get(i.id) ?? ''}`, target: itemTarget(i) })),
    ...extraProblems,
    ...serverIssues.general.map((message) => ({ message, target: null })),
  ];

  const change = (id: string, value: DraftValue) => {
    saveDraft(draftKey, { ...draft, [id]: value });
    if (serverIssues.items[id]) setServerIssues((s) => ({ ...s, items: Object.fromEntries(Object.entries(s.items).filter(([k]) => k !== id)) }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempted(true);
    setFocusKey((n) => n + 1);
    const extras = checkExtra?.() ?? [];
    setExtraProblems(extras);
    setServerIssues({ general: [], items: {} });
    if (evaluation.issues.length > 0 || extras.length > 0) return;
    setBusy(true);
    const error = await onSubmit(answers);
    setBusy(false);
    if (!error) {
      discardDraft(draftKey);
      return;
    }
    const list = error.issues && error.issues.length > 0 ? error.issues : [{ path: error.path ?? '', message: error.message }];
    const byItem: Record<string, string> = {};
    const general: string[] = [];
    for (const issue of list) {
      const id = /^answers\.(.+)$/.exec(issue.path)?.[1];
      if (id && items.some((i) => i.id === id)) byItem[id] ??= issue.message;
      else if (!general.includes(issue.message)) general.push(issue.message);
    }
    setServerIssues({ general, items: byItem });
    setFocusKey((n) => n + 1);
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary items={summary} focusKey={focusKey} idPrefix="form-" />
        {template.description ? <p className="nhsuk-body">{template.description}</p> : null}
        <form noValidate onSubmit={(e) => void submit(e)} data-testid="template-form" aria-label={template.title}>
          {template.sections.map((section) => {
            // A question that no longer applies stays visible while it still holds an answer, so it can be cleared.
            const shown = section.items.filter((i) => enabled.has(i.id) || itemErrors.has(i.id));
            if (shown.length === 0) return null;
            return (
              <section key={section.id} aria-labelledby={`section-${section.id}`} className="sonar-form-section">
                <h2 className="nhsuk-heading-m" id={`section-${section.id}`} tabIndex={-1}>
                  {section.title}
                </h2>
                {shown.map((item) => (
                  <div key={item.id}>
                    <ItemField item={item} value={draft[item.id]} onChange={(v) => change(item.id, v)} error={itemErrors.get(item.id)} points={points.get(item.id) ?? null} />
                    {!enabled.has(item.id) ? (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        onClick={() => {
                          const next = { ...draft };
                          delete next[item.id];
                          saveDraft(draftKey, next);
                        }}
                      >
                        Clear this answer<span className="nhsuk-u-visually-hidden">: {item.label}</span>
                      </button>
                    ) : null}
                  </div>
                ))}
              </section>
            );
          })}
          {extra}
          <div className="sonar-button-row">
            <button type="submit" className="nhsuk-button" aria-disabled={busy}>
              {busy ? 'Saving…' : submitLabel}
            </button>
          </div>
        </form>
      </div>
      <aside className="nhsuk-grid-column-one-third sonar-form-aside" aria-label="Score and progress">
        <div className="sonar-form-aside__inner">
          <LiveScores scores={evaluation.scores} />
          <DerivedPreview flags={evaluation.flags} effects={evaluation.effects} advice={evaluation.advice} />
          <FormProgress sections={sectionProgress(template, draft, evaluation)} />
          <p className="nhsuk-body-s sonar-label">What you type is kept if you leave this screen, until you save or sign out.</p>
        </div>
      </aside>
    </div>
  );
}
