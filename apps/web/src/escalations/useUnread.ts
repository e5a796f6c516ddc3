import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { NotificationPage } from './types';

type Listener = (n: number) => void;
const listeners = new Set<Listener>();

/** Tells every unread badge the new count (after reading a notification). */
export function announceUnread(n: number): void {
  for (const l of listeners) l(n);
}

/**
 * The number of my unread notifications for the header's bell: fetched when
 * the page changes and every few minutes, and told at once when the inbox
 * marks one read.
 */
export function useUnread(refreshKey: string, everyMs = 120_000): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    listeners.add(setCount);
    return () => void listeners.delete(setCount);
  }, []);
  useEffect(() => {
    const ctl = new AbortController();
    const load = () =>
      api<NotificationPage>('/api/notifications?unread=true&limit=1', { signal: ctl.signal }).then(
        (p) => setCount(p.unread),
        () => undefined,
      );
    void load();
    const id = setInterval(load, everyMs);
    return () => {
      ctl.abort();
      clearInterval(id);
    };
  }, [refreshKey, everyMs]);
  return count;
}
