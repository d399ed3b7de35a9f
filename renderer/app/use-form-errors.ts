// The error state every form keeps: errors by field, messages for no field, and a counter that
// moves the error summary into focus on each submit.
import { useCallback, useState } from 'react';
import type { RpcError } from '../../contract/result';
import { serverErrors, summaryItems, type FieldErrors, type SummaryItem } from './form-errors';

export interface FormErrors<F extends string> {
  errors: FieldErrors<F>;
  items: SummaryItem[];
  focusKey: number;
  /** Show these problems (a failed check before sending). */
  show(errors: FieldErrors<F>, general?: string[]): void;
  /** Show a server refusal at the fields its issues name. */
  showServer(error: RpcError, targets?: Partial<Record<F, string>>): void;
  clear(): void;
  clearField(field: F): void;
}

export function useFormErrors<F extends string>(order: readonly F[]): FormErrors<F> {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [focusKey, setFocusKey] = useState(0);

  const show = useCallback((next: FieldErrors<F>, nextGeneral: string[] = []) => {
    setErrors(next);
    setGeneral(nextGeneral);
    setFocusKey((n) => n + 1);
  }, []);
  const showServer = useCallback(
    (error: RpcError, targets: Partial<Record<F, string>> = {}) => {
      const mapped = serverErrors(order, error, targets);
      show(mapped.fields, mapped.general);
    },
    [order, show],
  );
  const clear = useCallback(() => {
    setErrors({});
    setGeneral([]);
  }, []);
  const clearField = useCallback(
    (field: F) =>
      setErrors((e) => {
        if (!e[field]) return e;
        const next = { ...e };
        delete next[field];
        return next;
      }),
    [],
  );
  return { errors, items: summaryItems(order, errors, general), focusKey, show, showServer, clear, clearField };
}
