import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Loads again (keeps the current data while loading, so lists do not flicker). */
  reload: () => Promise<void>;
}

/**
 * Runs load() when the dependencies change and on reload(); the answer of an older run that finishes after a
 * newer one started is dropped (its AbortSignal is aborted), so a slow response never overwrites a fresh one.
 * With intervalMs it loads again quietly on that period (the designer's live view), keeping the data meanwhile.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], intervalMs?: number): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const current = useRef<AbortController | null>(null);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const run = useCallback(async () => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setLoading(true);
    try {
      const result = await latestLoad.current(controller.signal);
      if (controller.signal.aborted) return;
      setData(result);
      setError(undefined);
    } catch (e) {
      if (controller.signal.aborted) return;
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run();
    return () => current.current?.abort();
    // The caller's dependencies decide when to load again; load itself is read through a ref (always the latest).
  }, deps);

  useEffect(() => {
    if (!intervalMs) return;
    const timer = setInterval(() => void run(), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, run]);

  return { data, error, loading, reload: run };
}

/** The value, settled for delay ms (typing in a search box asks the service once, not per key). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** A function that runs fn once, delay ms after the last call (live events arrive in bursts). */
export function useDebouncedCallback(fn: () => void, delay: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delay);
  }, [delay]);
}
