import type { ReactNode } from 'react';
import { Icon } from './Icon';

type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message box. Errors and warnings are announced to screen readers at once; the others politely. */
export function Notice({ tone, title, children, action }: { tone: Tone; title?: ReactNode; children?: ReactNode; action?: ReactNode }) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'}>
      <Icon name={tone === 'success' ? 'check' : tone === 'info' ? 'clock' : 'alert'} className="notice-icon" />
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children && <div>{children}</div>}
      </div>
      {action && <div className="notice-action">{action}</div>}
    </div>
  );
}
