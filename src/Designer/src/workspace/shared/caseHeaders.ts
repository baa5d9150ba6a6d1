import { useEffect, useState } from 'react';
import { cases, type CaseDto } from '../api';

export interface CaseHeader {
  id: string;
  number: string;
  title: string;
}

// Task lists name only the case id: the number and title are read once per case and kept for the page's life
// (a title changes rarely; the case page itself always reads the case afresh).
const known = new Map<string, Promise<CaseHeader | null>>();

function header(id: string): Promise<CaseHeader | null> {
  let found = known.get(id);
  if (!found) {
    found = cases.get(id).then(
      (c: CaseDto) => ({ id: c.id, number: c.number, title: c.title }),
      () => {
        known.delete(id);
        return null;
      },
    );
    known.set(id, found);
  }
  return found;
}

/** The number and title of each case, by id, filled in as they arrive. */
export function useCaseHeaders(ids: (string | null | undefined)[]): Record<string, CaseHeader> {
  const [headers, setHeaders] = useState<Record<string, CaseHeader>>({});
  const key = [...new Set(ids.filter((id): id is string => !!id))].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(header)).then((found) => {
      if (!live) return;
      setHeaders(Object.fromEntries(found.filter((h): h is CaseHeader => !!h).map((h) => [h.id, h])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return headers;
}
