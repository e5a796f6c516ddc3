import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `key` changes and keeps the latest answer. Answers to
 * superseded keys are dropped, so a slow response never overwrites a newer one.
 * `key: null` means "nothing to load yet".
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error; loading: boolean }>({ key, loading: key !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ key, data, loading: false }),
      (error: Error) => !ctl.signal.aborted && error.name !== 'AbortError' && setState({ key, error, loading: false }),
    );
    return () => ctl.abort();
    // `load` is recreated every render; the key says when the request changes.
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: key !== null && (!current || state.loading), reload };
}
