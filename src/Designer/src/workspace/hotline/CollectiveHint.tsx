import { Alert } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { hotline } from '../api';
import { useAsync, useDebounced } from '../../app/useAsync';
import type { EmployerValue } from './EmployerField';

/**
 * Warns the operator while the call is taken that the employer already has open wage complaints: the call will
 * join the collective case (or make one when it reaches the unit's threshold).
 */
export function CollectiveHint({ employer, unitId }: { employer: EmployerValue | undefined; unitId: string | undefined }) {
  const { t } = useTranslation('workspace');
  const key = employer?.id ? `id:${employer.id}` : `name:${employer?.name?.trim() ?? ''}`;
  const settled = useDebounced(key, 300);
  const hint = useAsync(async (signal) => {
    const [kind, value] = [settled.slice(0, settled.indexOf(':')), settled.slice(settled.indexOf(':') + 1)];
    if (!value || (kind === 'name' && value.length < 2)) return null;
    try {
      // Complaints group per employer and unit: the hint asks about the unit the call is taken for.
      return await hotline.collectiveHint(kind === 'id' ? { employerId: value, unitId } : { employerName: value, unitId }, signal);
    } catch (e) {
      // An employer the service does not know has no complaints yet.
      if (e instanceof ApiError && (e.status === 404 || e.status === 422)) return null;
      throw e;
    }
  }, [settled, unitId]);

  const data = hint.data;
  if (!data || data.openComplaints < 1) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="cf-collective-hint"
      title={t('hotline.collective.title')}
      description={
        <span>
          <Trans
            t={t}
            i18nKey="hotline.collective.text"
            values={{ employer: data.employerName ?? employer?.name, count: data.openComplaints, threshold: data.threshold }}
          />
          {data.collectiveCaseId && data.collectiveCaseNumber && (
            <>
              {' '}
              {t('hotline.collective.case')} <Link to={`/cases/${data.collectiveCaseId}`}>{data.collectiveCaseNumber}</Link>
            </>
          )}
        </span>
      }
    />
  );
}
