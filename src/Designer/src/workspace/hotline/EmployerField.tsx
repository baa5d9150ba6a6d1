import { AutoComplete } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employers, type EmployerDto } from '../api';
import { useAsync, useDebounced } from '../../app/useAsync';

export interface EmployerValue {
  /** Set when the operator chose a known employer; absent for a name typed as it is (a new employer). */
  id?: string;
  name: string;
}

interface Props {
  id?: string;
  value?: EmployerValue;
  onChange?: (value: EmployerValue) => void;
}

/** Search-as-you-type over the employers (any part of the name); a name nobody knows yet is kept as typed. */
export function EmployerField({ id, value, onChange }: Props) {
  const { t } = useTranslation('workspace');
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 250);
  const found = useAsync(async (signal) => (settled.length >= 2 ? (await employers.search(settled, signal)).items : []), [settled]);
  const options = (found.data ?? []).map((e: EmployerDto) => ({
    value: e.id,
    label: (
      <span>
        {e.name}
        {e.creditCode ? <span className="cf-muted"> · {e.creditCode}</span> : null}
      </span>
    ),
    employer: e,
  }));

  return (
    <AutoComplete
      id={id}
      value={value?.name ?? ''}
      options={options}
      placeholder={t('hotline.employerPlaceholder')}
      allowClear
      onSearch={(typed) => {
        setText(typed);
        onChange?.({ name: typed });
      }}
      onSelect={(_, option) => {
        const chosen = (option as { employer: EmployerDto }).employer;
        onChange?.({ id: chosen.id, name: chosen.name });
      }}
      onClear={() => {
        setText('');
        onChange?.({ name: '' });
      }}
    />
  );
}
