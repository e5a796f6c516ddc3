import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './MoneyWidget';

describe('money in yuan, stored as integer fen', () => {
  it('reads yuan exactly, without floating point', () => {
    expect(yuanToFen('48.50')).toBe(4850);
    expect(yuanToFen('48.5')).toBe(4850);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1234567.89')).toBe(123456789);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('-3.2')).toBe(-320);
    expect(yuanToFen('12')).toBe(1200);
  });
  it('refuses what is not an amount', () => {
    expect(yuanToFen('4.855')).toBeUndefined();
    expect(yuanToFen('abc')).toBeUndefined();
    expect(yuanToFen('')).toBeUndefined();
  });
  it('shows fen as yuan', () => {
    expect(fenToYuan(4850)).toBe('48.50');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(-320)).toBe('-3.20');
  });
});
