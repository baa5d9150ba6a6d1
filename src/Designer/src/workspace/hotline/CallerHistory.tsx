import { Alert, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDate, formatDateTime } from '../../app/format';
import { hotline } from '../api';
import { StatusTag, ToneTag } from '../shared/labels';
import { useAsync, useDebounced } from '../../app/useAsync';

/** From this many digits the history is asked for: enough to be a number, few enough to show it while typing. */
export const HISTORY_MIN_DIGITS = 7;

/** The caller's earlier calls and cases, shown beside the intake form while the number is typed. */
export function CallerHistory({ phone }: { phone: string }) {
  const { t } = useTranslation('workspace');
  const digits = phone.replace(/\D/g, '');
  const settled = useDebounced(digits, 250);
  const ready = settled.length >= HISTORY_MIN_DIGITS;
  const history = useAsync(async (signal) => {
    if (!ready) return null;
    try {
      return await hotline.history(settled, signal);
    } catch (e) {
      // Not yet a whole number (a landline still missing its area code): nothing to show, keep typing.
      if (e instanceof ApiError && e.status === 422) return null;
      throw e;
    }
  }, [settled, ready]);

  const data = history.data;
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('hotline.history.title')}</Typography.Title>}
      size="small"
      className="cf-caller-history"
    >
      <div aria-live="polite" aria-busy={history.loading}>
        {!ready || (!data && !history.loading && !history.error) ? (
          <Typography.Text type="secondary">{t('hotline.history.typePhone', { count: HISTORY_MIN_DIGITS })}</Typography.Text>
        ) : history.error ? (
          <Alert type="error" showIcon title={history.error.message} />
        ) : !data ? (
          <Spin />
        ) : data.calls.length === 0 && data.cases.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.history.none')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <section aria-label={t('hotline.history.cases')}>
              <Typography.Title level={3} style={{ fontSize: 14 }}>{t('hotline.history.cases')} ({data.cases.length})</Typography.Title>
              <List
                size="small"
                dataSource={data.cases}
                locale={{ emptyText: <span className="cf-muted">{t('hotline.history.noCases')}</span> }}
                renderItem={(c) => (
                  <List.Item>
                    <Space wrap>
                      <Link to={`/cases/${c.id}`}>{c.number}</Link>
                      <span>{t(`family.${c.family}`)}</span>
                      <StatusTag status={c.status} />
                      {c.isCollective && <ToneTag tone="purple">{t('case.collective')}</ToneTag>}
                      <Typography.Text type="secondary">{c.personName} · {t(`party.${c.role}`, { defaultValue: c.role })} · {formatDate(c.openedAt)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </section>
            <section aria-label={t('hotline.history.calls')}>
              <Typography.Title level={3} style={{ fontSize: 14 }}>{t('hotline.history.calls')} ({data.calls.length})</Typography.Title>
              <List
                size="small"
                dataSource={data.calls}
                locale={{ emptyText: <span className="cf-muted">{t('hotline.history.noCalls')}</span> }}
                renderItem={(c) => (
                  <List.Item>
                    <Space wrap>
                      <span>{formatDateTime(c.receivedAt)}</span>
                      <span>{t(`category.${c.category}`, { defaultValue: c.category })}</span>
                      <ToneTag tone="grey">{t(`outcome.${c.outcome}`)}</ToneTag>
                      {c.caseId && c.caseNumber && <Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link>}
                      {c.employerName && <Typography.Text type="secondary">{c.employerName}</Typography.Text>}
                    </Space>
                  </List.Item>
                )}
              />
            </section>
          </Space>
        )}
      </div>
    </Card>
  );
}
