import { describe, expect, it } from 'vitest';
import { reformatNhsInput } from './nhs-number-input';

describe('reformatNhsInput', () => {
  it('groups digits 3-3-4 as they are typed', () => {
    expect(reformatNhsInput('943', 3)).toEqual({ value: '943', caret: 3 });
    expect(reformatNhsInput('9434', 4)).toEqual({ value: '943 4', caret: 5 });
    expect(reformatNhsInput('9434765919', 10)).toEqual({ value: '943 476 5919', caret: 12 });
  });

  it('accepts pasted numbers with spaces or hyphens', () => {
    expect(reformatNhsInput('943-476-5919', 12).value).toBe('943 476 5919');
    expect(reformatNhsInput(' 943 4765919 ', 13).value).toBe('943 476 5919');
  });

  it('keeps the caret after the same digit when editing in the middle', () => {
    // "943 476 5919" with the 7 deleted: caret was after "943 4"
    expect(reformatNhsInput('943 46 5919', 5)).toEqual({ value: '943 465 919', caret: 5 });
    // an eleventh digit typed after "943 " stays visible (the check reports 11 digits)
    expect(reformatNhsInput('943 1476 5919', 5)).toEqual({ value: '943 147 65919', caret: 5 });
  });

  it('leaves letters alone so the check can report them', () => {
    expect(reformatNhsInput('943A', 4)).toEqual({ value: '943A', caret: 4 });
  });
});
