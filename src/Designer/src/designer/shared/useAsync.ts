import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads once per change of `deps` (and again on reload()), dropping answers that arrive after a newer
 * request started. `intervalMs` re-polls quietly (the live view), keeping the last data while it loads.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], intervalMs?: number): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    stableLoad().then(
      (value) => { if (mine === generation.current) { setData(value); setError(undefined); setLoading(false); } },
      (e: unknown) => { if (mine === generation.current) { setError(e instanceof Error ? e : new Error(String(e))); setLoading(false); } },
    );
  }, [stableLoad, tick]);

  useEffect(() => {
    if (!intervalMs) return;
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
