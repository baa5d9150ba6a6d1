import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api';

// Tags in dark text on a light ground (WCAG AA contrast: antd's preset tag colours fall short of 4.5:1), and each
// carries its word, never a colour alone.
export type Tone = 'blue' | 'indigo' | 'amber' | 'green' | 'red' | 'grey' | 'purple';
const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  indigo: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  amber: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  grey: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
};

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}

const STATUS_TONES: Record<CaseStatus, Tone> = {
  Open: 'blue',
  InProgress: 'indigo',
  Suspended: 'amber',
  Closed: 'green',
  Rejected: 'red',
  Cancelled: 'grey',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('workspace');
  return <ToneTag tone={STATUS_TONES[status]}>{t(`status.${status}`)}</ToneTag>;
}

/** The dark red of overdue dates (antd's error red is too light for text on white). */
export const DANGER_TEXT = '#a8071a';

/** The user-facing message of an API error (the service's ProblemDetails detail), or a fallback. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
