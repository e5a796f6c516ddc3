/** Shapes of the whistle-and-report (吹哨报到) and inbox routes (packages/server/src/routes/escalations.ts, notifications.ts). */
import type { LocalizedText } from '../api/types';

export interface Escalation {
  id: string;
  ticketId: string;
  kind: 'whistle' | 'overdue';
  orgId: string;
  orgName: string;
  lead: boolean;
  reason: string | null;
  reportDeadline: string | null;
  reportedAt: string | null;
  reportedByName?: string | null;
  reportNote?: string | null;
  late: boolean;
  createdAt: string;
  ticketTitle?: string;
  ticketState?: string;
  ticketClosed?: boolean;
  /** I act for this unit and it has not reported yet. */
  mayReport?: boolean;
}

export interface TicketEscalations {
  items: Escalation[];
  mayWhistle: boolean;
}

export interface Notification {
  id: string;
  kind: string;
  /** The kind's name as notification settings show it; null for a kind the city no longer declares. */
  kindLabel: LocalizedText | null;
  ticketId: string | null;
  title: LocalizedText;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}
