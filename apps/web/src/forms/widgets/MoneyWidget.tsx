import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';

/** Integer fen as yuan text: 4850 → "48.50". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan text to integer fen, exactly (no floating point): "48.5" → 4850; undefined when it is not an amount. */
export function yuanToFen(text: string): number | undefined {
  const m = /^\s*(-?)(\d{1,12})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}

/**
 * `'ui:widget': 'money'` (the SDK's `money`): people type yuan (48.50), the
 * form data holds integer fen (4850), so ledgers add up exactly.
 */
export function MoneyWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, disabled, readonly, required } = props;
  const [text, setText] = useState(typeof value === 'number' ? fenToYuan(value) : '');
  useEffect(() => {
    if (typeof value === 'number' && yuanToFen(text) !== value) setText(fenToYuan(value));
    if (value === undefined && yuanToFen(text) !== undefined) setText('');
    // Only an outside change of the value rewrites the text being typed.
  }, [value]);
  return (
    <span className="money-input">
      <span aria-hidden="true">¥</span>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        required={required}
        disabled={disabled || readonly}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => {
          setText(e.target.value);
          const fen = yuanToFen(e.target.value);
          // Not an amount yet: keep the text, leave the field empty so validation says so.
          onChange(e.target.value.trim() === '' ? undefined : (fen ?? Number.NaN));
        }}
        onBlur={() => onBlur(id, value)}
      />
      <span aria-hidden="true">元</span>
    </span>
  );
}
