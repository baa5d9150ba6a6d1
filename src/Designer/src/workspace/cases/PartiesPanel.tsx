import { Alert, Button, Descriptions, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, type Role } from '../../app/auth';
import { formatYuan } from '../../app/format';
import { people, type PartyDto, type PersonalDataDto } from '../api';
import { errorText } from '../shared/labels';

/** Who may open a person's contact details in full (People/PersonalDataAccess.cs); the service checks each field again. */
const REVEALERS: Role[] = ['operator', 'caseworker', 'reviewer', 'approver', 'finance', 'supervisor', 'auditor'];

/** The parties, masked as the service sends them; "show in full" asks the service, which logs every such view. */
export function PartiesPanel({ parties }: { parties: PartyDto[] }) {
  const { t } = useTranslation('workspace');
  const { hasRole } = useAuth();
  const [revealed, setRevealed] = useState<Record<string, PersonalDataDto>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<string | null>(null);
  const mayReveal = hasRole(...REVEALERS);

  async function reveal(personId: string) {
    setBusy(personId);
    setFailure(undefined);
    try {
      const data = await people.personalData(personId);
      setRevealed((r) => ({ ...r, [personId]: data }));
    } catch (e) {
      setFailure(errorText(e, t('error')));
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<PartyDto> = [
    { title: t('case.parties.role'), key: 'role', render: (_, p) => t(`party.${p.role}`) },
    { title: t('case.parties.name'), key: 'name', render: (_, p) => (p.personId && revealed[p.personId]?.name) || p.name },
    { title: t('case.parties.phone'), key: 'phone', render: (_, p) => (p.personId && revealed[p.personId]?.phone) || p.phone },
    {
      title: t('case.parties.identity'),
      key: 'identity',
      render: (_, p) => (p.personId && revealed[p.personId]?.residentId) || p.residentId || p.creditCode,
    },
    { title: t('case.parties.amount'), key: 'amount', align: 'right', render: (_, p) => formatYuan(p.amountClaimed) },
    {
      title: t('case.parties.actions'),
      key: 'actions',
      render: (_, p) => p.personId && mayReveal && !revealed[p.personId] ? (
        <Button size="small" loading={busy === p.personId} onClick={() => void reveal(p.personId!)}
          aria-label={t('case.parties.revealFor', { name: p.name })}>
          {t('case.parties.reveal')}
        </Button>
      ) : null,
    },
  ];

  return (
    <div>
      {failure && <Alert type="error" showIcon closable title={failure} style={{ marginBottom: 12 }} />}
      <Table<PartyDto> rowKey="id" size="small" columns={columns} dataSource={parties} pagination={false}
        scroll={{ x: 'max-content' }} aria-label={t('case.tabs.parties')}
        locale={{ emptyText: <span className="cf-muted">{t('case.parties.none')}</span> }}
        expandable={{
          rowExpandable: (p) => !!p.personId && !!revealed[p.personId],
          expandedRowRender: (p) => <PersonalData data={revealed[p.personId!]} />,
          expandedRowKeys: parties.filter((p) => p.personId && revealed[p.personId]).map((p) => p.id),
          showExpandColumn: false,
        }}
      />
      <p className="cf-muted">{t('case.parties.masked')}</p>
    </div>
  );
}

function PersonalData({ data }: { data: PersonalDataDto }) {
  const { t } = useTranslation('workspace');
  const items = [
    data.address && { key: 'address', label: t('case.parties.address'), children: data.address },
    data.birthDate && { key: 'birth', label: t('case.parties.birthDate'), children: data.birthDate },
    data.bankAccount && { key: 'bank', label: t('case.parties.bankAccount'), children: data.bankAccount },
    data.health && { key: 'health', label: t('case.parties.health'), children: data.health },
  ].filter((item): item is { key: string; label: string; children: string } => !!item);
  return (
    <div>
      {items.length > 0 && <Descriptions size="small" column={1} items={items} />}
      {data.withheld.length > 0 && (
        <p className="cf-muted">{t('case.parties.withheld', { fields: data.withheld.map((f) => t(`personalField.${f}`, { defaultValue: f })).join('、') })}</p>
      )}
    </div>
  );
}
