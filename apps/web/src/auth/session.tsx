import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { clearCache } from '../api/cache';
import type { AppConfig, Me } from '../api/types';

interface Session {
  config: AppConfig | null;
  /** undefined while we ask the server; null when nobody is logged in. */
  me: Me | null | undefined;
  /** Set when the app cannot reach the server at start. */
  startError: Error | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [startError, setStartError] = useState<Error | null>(null);

  const forget = useCallback(() => {
    setCsrfToken(null);
    clearCache();
    setMe(null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    api<AppConfig>('/api/config').then(setConfig, setStartError);
    api<Me>('/api/me').then(
      (m) => {
        setCsrfToken(m.csrfToken ?? null);
        setMe(m);
      },
      (e: ApiError) => (e.status === 401 ? setMe(null) : (setStartError(e), setMe(null))),
    );
    return () => setUnauthenticatedHandler(null);
  }, [forget]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api<{ csrfToken: string; person: Me }>('/api/auth/login', { body: { username, password } });
    clearCache();
    setCsrfToken(res.csrfToken);
    setMe(res.person);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo(() => ({ config, me, startError, login, logout }), [config, me, startError, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in person; only for pages behind the login guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
