import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate, formatYuan } from '../../app/format';
import { CASE_FAMILIES, CASE_STATUSES, cases, type CaseQuery, type CaseSummaryDto, type SlicePage } from '../api';
import { errorText, StatusTag, ToneTag } from '../shared/labels';
import { useUnitTree } from '../shared/units';
import '../workspace.css';

interface SearchValues {
  number?: string;
  person?: string;
  phone?: string;
  residentId?: string;
  employer?: string;
  status?: string[];
  family?: string[];
  unitId?: string;
  opened?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 20;

function toQuery(values: SearchValues): CaseQuery {
  const text = (s?: string) => s?.trim() || undefined;
  return {
    number: text(values.number),
    person: text(values.person),
    phone: text(values.phone),
    residentId: text(values.residentId),
    employer: text(values.employer),
    status: values.status?.length ? values.status.join(',') : undefined,
    family: values.family?.length ? values.family.join(',') : undefined,
    unitId: values.unitId,
    openedFrom: values.opened?.[0]?.format('YYYY-MM-DD'),
    openedTo: values.opened?.[1]?.format('YYYY-MM-DD'),
  };
}

/** Cases by number, person, phone, resident ID, employer, status, family, unit and opening dates; newest first. */
export default function CaseSearchPage() {
  const { t } = useTranslation('workspace');
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<SearchValues>();
  const unitTree = useUnitTree();
  const [query, setQuery] = useState<CaseQuery>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<SlicePage<CaseSummaryDto>>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const mayExport = hasRole('supervisor', 'auditor', 'admin');

  useEffect(() => {
    document.title = t('search.title');
  }, [t]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    cases.search({ ...query, page, pageSize: PAGE_SIZE }, controller.signal).then(
      (found) => {
        setResult(found);
        setFailure(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        const field = e instanceof ApiError ? e.problem.field : undefined;
        if (field && ['number', 'person', 'phone', 'residentId', 'employer', 'status', 'family', 'unitId'].includes(field)) {
          form.setFields([{ name: field as keyof SearchValues, errors: [errorText(e, t('error'))] }]);
        } else if (field === 'openedFrom' || field === 'openedTo') {
          form.setFields([{ name: 'opened', errors: [errorText(e, t('error'))] }]);
        }
        setFailure(errorText(e, t('error')));
      },
    );
    return () => controller.abort();
  }, [query, page, form, t]);

  const columns: TableColumnsType<CaseSummaryDto> = [
    { title: t('search.columns.number'), key: 'number', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link> },
    { title: t('search.columns.title'), dataIndex: 'title', key: 'title' },
    { title: t('search.columns.family'), key: 'family', render: (_, c) => t(`family.${c.family}`) },
    { title: t('search.columns.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
    { title: t('search.columns.applicant'), key: 'applicant', responsive: ['md'], render: (_, c) => c.applicant ?? c.employer ?? '' },
    { title: t('search.columns.amount'), key: 'amount', align: 'right', responsive: ['lg'], render: (_, c) => formatYuan(c.amountClaimed) },
    { title: t('search.columns.opened'), key: 'opened', render: (_, c) => formatDate(c.openedAt) },
    {
      title: t('search.columns.tags'),
      key: 'tags',
      responsive: ['xl'],
      render: (_, c) => <Space wrap size={4}>{c.tags.map((tag) => <ToneTag key={tag} tone="grey">{tag}</ToneTag>)}</Space>,
    },
  ];

  const { residentId: _omit, ...exportable } = query;
  void _omit;

  return (
    <div className="cf-case-search">
      <Typography.Title level={1} className="cf-page-title">{t('search.title')}</Typography.Title>
      <Form<SearchValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setPage(1);
          setQuery(toQuery(values));
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="number" label={t('search.number')}><Input placeholder="2026-LA-000001" allowClear /></Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="person" label={t('search.person')}><Input allowClear /></Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="phone" label={t('search.phone')}><Input inputMode="tel" allowClear /></Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="residentId" label={t('search.residentId')} extra={t('search.residentIdHint')}>
              <Input allowClear maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="employer" label={t('search.employer')}><Input allowClear /></Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="status" label={t('search.status')}>
              <Select mode="multiple" allowClear options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="family" label={t('search.family')}>
              <Select mode="multiple" allowClear options={CASE_FAMILIES.map((f) => ({ value: f, label: t(`family.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="unitId" label={t('search.unit')}>
              <TreeSelect allowClear treeData={unitTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="opened" label={t('search.opened')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]}
                placeholder={[t('search.openedFrom'), t('search.openedTo')]} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={loading}>{t('search.submit')}</Button>
          <Button onClick={() => { form.resetFields(); setPage(1); setQuery({}); }}>{t('search.reset')}</Button>
          {mayExport && (
            <Button href={cases.exportUrl(exportable)} download>{t('search.export')}</Button>
          )}
        </Space>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
      <Table<CaseSummaryDto>
        style={{ marginTop: 16 }}
        rowKey="id"
        columns={columns}
        dataSource={result?.items ?? []}
        loading={loading}
        aria-label={t('search.results')}
        locale={{ emptyText: <span className="cf-muted">{t('search.none')}</span> }}
        onRow={(c) => ({ onDoubleClick: () => navigate(`/cases/${c.id}`) })}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={page <= 1 || loading} onClick={() => setPage((p) => p - 1)}>{t('search.previous')}</Button>
        <span aria-live="polite">{t('search.page', { page })}</span>
        <Button disabled={!result?.hasMore || loading} onClick={() => setPage((p) => p + 1)}>{t('search.next')}</Button>
      </Space>
    </div>
  );
}
