import { describe, expect, it } from 'vitest';
import { reportCellText, reportValueText } from './report-values';

describe('report values', () => {
  it('writes percents with one decimal place, minutes whole, and a missing value as Not known', () => {
    expect(reportValueText(66.66, 'percent')).toBe('66.7%');
    expect(reportValueText(40, 'percent')).toBe('40.0%');
    expect(reportValueText(19.6, 'minutes')).toBe('20 min');
    expect(reportValueText(300, 'minutes')).toBe('5 h 0 min');
    expect(reportValueText(570, 'minutes')).toBe('9 h 30 min');
    expect(reportValueText(1500, 'minutes')).toBe('1 day 1 h');
    expect(reportValueText(909501, 'minutes')).toBe('631 days 14 h');
    expect(reportValueText(null, 'count')).toBe('Not known');
    expect(reportValueText(0, 'count')).toBe('0');
  });

  it('writes a mean with one decimal place, a fall with its minus sign', () => {
    expect(reportValueText(4, 'mean')).toBe('4.0');
    expect(reportValueText(-10.5, 'mean')).toBe('-10.5');
    expect(reportValueText(null, 'mean')).toBe('Not known');
  });

  it('leaves an empty text cell empty, and names a person with their identifiers', () => {
    expect(reportCellText(null, 'text')).toBe('');
    expect(reportCellText(null, 'count')).toBe('Not known');
    expect(reportCellText({ name: 'OKAFOR, Tunde', identifiers: 'NHS No. 943 476 5919' }, 'person')).toBe('OKAFOR, Tunde (NHS No. 943 476 5919)');
  });
});
