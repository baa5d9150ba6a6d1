import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from './auth';

// Live updates from the service's one SignalR hub (/hubs/live). The service sends each event to the
// connections allowed to see it (the unit tree), so a handler only has to refresh what it shows.

export type TaskChange = 'created' | 'claimed' | 'unclaimed' | 'completed' | 'cancelled';

export interface TaskChangedEvent {
  taskId: string;
  instanceId: string;
  caseId: string | null;
  unitId: string | null;
  elementId: string;
  name: string | null;
  change: TaskChange;
  assignee: string | null;
  at: string;
}

export interface CaseChangedEvent {
  caseId: string;
  change: string;
  at: string;
}

export interface LiveEvents {
  taskChanged: TaskChangedEvent;
  caseChanged: CaseChangedEvent;
}

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

interface LiveState {
  connection: HubConnection | null;
  status: LiveStatus;
}

const LiveContext = createContext<LiveState>({ connection: null, status: 'disconnected' });

export function LiveProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [state, setState] = useState<LiveState>({ connection: null, status: 'disconnected' });
  const userId = me?.userId ?? me?.name ?? null;

  useEffect(() => {
    if (!userId) return;
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/live')
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    let stopped = false;
    const set = (status: LiveStatus) => !stopped && setState({ connection, status });
    connection.onreconnecting(() => set('reconnecting'));
    connection.onreconnected(() => set('connected'));
    connection.onclose(() => set('disconnected'));
    set('connecting');
    const start = async (attempt: number): Promise<void> => {
      try {
        await connection.start();
        set('connected');
      } catch {
        if (stopped || connection.state !== HubConnectionState.Disconnected) return;
        await new Promise((r) => setTimeout(r, Math.min(30000, 1000 * 2 ** attempt)));
        if (!stopped) return start(attempt + 1);
      }
    };
    void start(0);
    return () => {
      stopped = true;
      void connection.stop();
      setState({ connection: null, status: 'disconnected' });
    };
  }, [userId]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext).status;
}

/** Calls handler on every event of this name while the component is mounted (the latest handler, no resubscribe). */
export function useLiveEvent<K extends keyof LiveEvents>(name: K, handler: (event: LiveEvents[K]) => void) {
  const { connection } = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!connection) return;
    const listener = (event: LiveEvents[K]) => latest.current(event);
    connection.on(name, listener);
    return () => connection.off(name, listener);
  }, [connection, name]);
}

/** Joins a case's group while mounted, so its page hears caseChanged and taskChanged for that case. */
export function useWatchCase(caseId: string | undefined) {
  const { connection, status } = useContext(LiveContext);
  useEffect(() => {
    if (!connection || !caseId || status !== 'connected') return;
    void connection.invoke('WatchCase', caseId).catch(() => {});
    return () => {
      if (connection.state === HubConnectionState.Connected) void connection.invoke('UnwatchCase', caseId).catch(() => {});
    };
  }, [connection, caseId, status]);
}
