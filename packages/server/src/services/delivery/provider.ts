import type { Locale, NoticeKindDefinition, NoticeVars } from '@linli/core';
import type { Recipient } from '@linli/db';

/** The channels a provider may stand behind: one person each, or the city's WeCom group. */
export type DeliveryChannel = 'email' | 'sms' | 'wecom' | 'wecom-robot';

/** One notice for one address, in the reader's language. */
export interface OutgoingNotice {
  kind: NoticeKindDefinition;
  vars: NoticeVars;
  locale: Locale;
  /** Names this delivery on every attempt (the job key): an e-mail's Message-ID, so a receiver can drop a repeat. */
  deliveryId: string;
}

/**
 * A way to reach people (e-mail, an SMS provider, WeCom), behind one
 * interface: the notifier asks it for a person's address when it plans the
 * deliveries (in the step's transaction, writing only job rows), and the
 * delivery job calls `send` later, outside any transaction. `send` throws to
 * be retried with backoff, or a PermanentJobError when retrying cannot help.
 */
export interface DeliveryProvider {
  channel: DeliveryChannel;
  /** Names the provider in logs and errors (`smtp`, `aliyun`, `log`…). */
  name: string;
  /** The person's address here, or null: then nothing is planned for them on this channel. Null for the group robot. */
  address(r: Recipient): string | null;
  /** Whether this kind can go out here (an SMS provider needs an approved template for it). */
  carries(kind: string): boolean;
  send(to: string | null, n: OutgoingNotice, signal: AbortSignal): Promise<void>;
}
