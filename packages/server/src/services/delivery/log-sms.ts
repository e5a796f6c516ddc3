import { smsText } from '@linli/core';
import { maskValue } from '../personal-data.js';
import type { DeliveryProvider } from './provider.js';

export interface SmsLog {
  info(obj: Record<string, unknown>, msg: string): void;
  /** pino's: written now, not with the next 4 KB of buffered log lines (serve's JSON logs), or a developer waits for the code. */
  flush?(): void;
}

/**
 * Development SMS: the text is written to the server log instead of being
 * sent, so a one-time code can be read from the console when no provider is
 * configured. Never a production choice: `linli` logs a warning at start.
 */
export function logSmsProvider(log: SmsLog, signName = '邻里'): DeliveryProvider {
  return {
    channel: 'sms',
    name: 'log',
    address: (r) => r.phone,
    carries: () => true,
    async send(to, n) {
      // The number is masked: a log is no place for personal data; the text is what a developer needs.
      log.info({ sms: { to: maskValue(to), kind: n.kind.id, text: smsText(n.kind.template, n.vars, n.locale, signName) } }, 'SMS (development provider, not sent)');
      log.flush?.();
    },
  };
}
