import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler } from './api';

export const ROLES = ['operator', 'caseworker', 'reviewer', 'approver', 'finance', 'auditor', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  unitId: string;
  unitName: string;
}

export interface Me {
  userId: string | null;
  name: string;
  displayName: string | null;
  unitId: string | null;
  unitName: string | null;
  seesAllUnits: boolean;
  grants: Grant[];
  mustChangePassword: boolean;
  antiforgeryToken: string | null;
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  signIn(userName: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const current = await api.get<Me>('/auth/me');
      setMe(current.userId || current.grants.length ? current : null);
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    void refresh();
  }, [refresh]);

  const value = useMemo<AuthState>(() => ({
    me,
    loading,
    refresh,
    async signIn(userName, password) {
      const signedIn = await api.post<Me>('/auth/sign-in', { userName, password });
      setMe(signedIn);
      return signedIn;
    },
    async signOut() {
      try {
        await api.post('/auth/sign-out');
      } finally {
        setMe(null);
      }
    },
    hasRole: (...roles) => !!me && me.grants.some((g) => roles.includes(g.role)),
  }), [me, loading, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
