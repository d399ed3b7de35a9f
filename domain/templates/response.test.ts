import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { auditC } from './library/audit-c';
import { amendResponse, finaliseResponse, formResponseSchema, markEnteredInError, type FormResponse } from './response';

// AUDIT-C: Q1 "2 to 3 times a week" 3 + Q2 "3 or 4" 1 + Q3 "Monthly" 2 = 6, positive.
const six: Answers = { q1: '2-3-times-a-week', q2: '3-4', q3: 'monthly' };
const meta1 = { id: 'resp-1', at: '2025-03-01T10:00:00Z', by: 'nurse-a' };
const meta2 = { id: 'resp-2', at: '2025-03-01T11:30:00+00:00', by: 'nurse-b' };
const meta3 = { id: 'resp-3', at: '2025-03-02T09:00:00Z', by: 'nurse-a' };

function saved(): FormResponse {
  const r = finaliseResponse(auditC, six, meta1);
  if (!r.ok) throw new Error('expected to save');
  return r.response;
}

describe('finaliseResponse', () => {
  it('saves version 1 with the template id and version, answers, scores with bands, flags and codes', () => {
    const r = saved();
    expect(r).toEqual({
      id: 'resp-1',
      entryId: 'resp-1',
      version: 1,
      templateId: 'audit-c',
      templateVersion: 1,
      answers: six,
      scores: [{ id: 'audit-c-total', label: 'AUDIT-C total', value: 6, max: 12, complete: true, band: { label: 'Positive', severity: 'moderate', min: 5, max: 12 } }],
      flags: [expect.objectContaining({ code: 'FULL_AUDIT_INDICATED', because: 'AUDIT-C total 6: Positive' })],
      codes: [],
      status: 'final',
      recordedAt: '2025-03-01T10:00:00Z',
      recordedBy: 'nurse-a',
    });
    expect(formResponseSchema.parse(r)).toEqual(r);
  });

  it('refuses an incomplete response, with the message at each item', () => {
    const r = finaliseResponse(auditC, { q1: '2-3-times-a-week', q2: null }, meta1);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INCOMPLETE',
        message: 'There are 2 problems to put right before saving',
        issues: [
          { itemId: 'q2', kind: 'required', message: 'Select an answer' },
          { itemId: 'q3', kind: 'required', message: 'Select an answer' },
        ],
      },
    });
  });

  it('refuses to build a record with an empty id or a time without its offset', () => {
    expect(finaliseResponse(auditC, six, { ...meta1, at: '2025-03-01 10:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_META', message: expect.stringMatching(/recordedAt/) } });
    expect(finaliseResponse(auditC, six, { ...meta1, id: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_META', message: expect.stringMatching(/id, entryId/) } });
    expect(markEnteredInError(saved(), 'Wrong patient', { ...meta2, by: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_META' } });
  });

  it('leaves unanswered entries out of the stored answers', () => {
    const r = finaliseResponse(auditC, { q1: 'never', q2: null, q3: '' }, meta1);
    expect(r.ok && r.response.answers).toEqual({ q1: 'never' });
  });
});

describe('amendResponse', () => {
  it('makes a new version that supersedes the old one, with its reason; the old one is untouched', () => {
    const v1 = saved();
    const before = structuredClone(v1);
    // Corrected Q3 to "Never": 3 + 1 + 0 = 4, negative; the flag goes.
    const r = amendResponse(v1, auditC, { ...six, q3: 'never' }, '  Q3 misheard: never binges  ', meta2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.response).toMatchObject({
      id: 'resp-2',
      entryId: 'resp-1',
      version: 2,
      supersedes: 'resp-1',
      status: 'amended',
      amendReason: 'Q3 misheard: never binges',
      recordedBy: 'nurse-b',
      templateVersion: 1,
      scores: [{ value: 4, band: { label: 'Negative' } }],
      flags: [],
    });
    expect(v1).toEqual(before);
    expect(formResponseSchema.parse(r.response)).toEqual(r.response);
  });

  it('requires a reason, complete answers and the template version the entry was made with', () => {
    const v1 = saved();
    expect(amendResponse(v1, auditC, six, '   ', meta2)).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(amendResponse(v1, auditC, { q1: '2-3-times-a-week' }, 'typo', meta2)).toMatchObject({ ok: false, error: { code: 'INCOMPLETE', issues: [{ itemId: 'q2' }, { itemId: 'q3' }] } });
    expect(amendResponse(v1, { ...auditC, version: 2 }, six, 'typo', meta2)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_TEMPLATE', message: 'Amend with the template this entry was made with (audit-c version 1)' },
    });
  });

  it('chains versions: amend an amendment', () => {
    const v2 = amendResponse(saved(), auditC, { ...six, q3: 'never' }, 'first fix', meta2);
    if (!v2.ok) throw new Error('expected v2');
    const v3 = amendResponse(v2.response, auditC, six, 'undo first fix', meta3);
    expect(v3).toMatchObject({ ok: true, response: { id: 'resp-3', entryId: 'resp-1', version: 3, supersedes: 'resp-2', amendReason: 'undo first fix' } });
  });
});

describe('markEnteredInError', () => {
  it('adds a version that keeps the content, with its reason, and stops further amendment', () => {
    const v1 = saved();
    const r = markEnteredInError(v1, 'Wrong patient', meta2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.response).toEqual({
      ...v1,
      id: 'resp-2',
      version: 2,
      supersedes: 'resp-1',
      status: 'entered_in_error',
      recordedAt: meta2.at,
      // Later versions keep when the observation was made, so the chart does not move it.
      observedAt: v1.recordedAt,
      recordedBy: 'nurse-b',
      enteredInErrorReason: 'Wrong patient',
    });
    expect(amendResponse(r.response, auditC, six, 'fix', meta3)).toMatchObject({ ok: false, error: { code: 'ENTERED_IN_ERROR' } });
    expect(markEnteredInError(r.response, 'again', meta3)).toMatchObject({ ok: false, error: { code: 'ENTERED_IN_ERROR' } });
    expect(markEnteredInError(v1, '', meta2)).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
  });

  it('can mark an amended version, without carrying the amendment reason over', () => {
    const v2 = amendResponse(saved(), auditC, six, 'first fix', meta2);
    if (!v2.ok) throw new Error('expected v2');
    const r = markEnteredInError(v2.response, 'Duplicate entry', meta3);
    expect(r.ok && r.response).toMatchObject({ version: 3, supersedes: 'resp-2', entryId: 'resp-1', enteredInErrorReason: 'Duplicate entry' });
    expect(r.ok && 'amendReason' in r.response).toBe(false);
  });
});
