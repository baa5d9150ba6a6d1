import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Upload, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { cases, type DocumentDto } from '../api';
import { errorText } from '../shared/labels';
import { useAsync } from '../../app/useAsync';

const PREVIEWABLE = /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/;

function size(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}

/**
 * The case's files: upload (multipart, with the antiforgery header, through the one API client), list, preview
 * images and PDFs in a dialog (read as a blob: the service sends files as attachments) and download.
 */
export function DocumentsPanel({ caseId, refreshKey, onChanged }: { caseId: string; refreshKey: number; onChanged: () => void }) {
  const { t } = useTranslation('workspace');
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const documents = useAsync(() => cases.documents(caseId), [caseId, refreshKey]);
  const [preview, setPreview] = useState<{ doc: DocumentDto; url: string } | null>(null);
  const [loadingPreview, setLoadingPreview] = useState<string | null>(null);
  const mayUpload = hasRole('operator', 'caseworker', 'reviewer', 'approver', 'finance', 'supervisor', 'admin');

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview.url);
  }, [preview]);

  async function open(doc: DocumentDto) {
    setLoadingPreview(doc.id);
    try {
      const response = await fetch(cases.documentUrl(caseId, doc.id), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const blob = await response.blob();
      setPreview({ doc, url: URL.createObjectURL(new Blob([blob], { type: doc.contentType })) });
    } catch (e) {
      message.error(errorText(e, t('error')));
    } finally {
      setLoadingPreview(null);
    }
  }

  const columns: TableColumnsType<DocumentDto> = [
    { title: t('case.documents.name'), dataIndex: 'fileName', key: 'name' },
    { title: t('case.documents.size'), key: 'size', align: 'right', render: (_, d) => size(d.size) },
    { title: t('case.documents.uploaded'), key: 'uploaded', responsive: ['md'], render: (_, d) => `${formatDateTime(d.uploadedAt)} · ${d.uploadedBy}` },
    {
      title: t('case.documents.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space wrap>
          {PREVIEWABLE.test(d.contentType) && (
            <Button size="small" loading={loadingPreview === d.id} onClick={() => void open(d)}
              aria-label={t('case.documents.previewFile', { name: d.fileName })}>
              {t('case.documents.preview')}
            </Button>
          )}
          <a href={cases.documentUrl(caseId, d.id)} download={d.fileName} aria-label={t('case.documents.downloadFile', { name: d.fileName })}>
            {t('case.documents.download')}
          </a>
        </Space>
      ),
    },
  ];

  return (
    <div>
      {mayUpload && (
        <Upload
          name="file"
          multiple
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            const body = new FormData();
            body.append('file', file as File);
            api.post<DocumentDto>(`/cases/${caseId}/documents`, body).then(
              (created) => {
                onSuccess?.(created);
                message.success(t('case.documents.uploadedFile', { name: created.fileName }));
                void documents.reload();
                onChanged();
              },
              (e: unknown) => {
                onError?.(e as Error);
                message.error(errorText(e, t('error')));
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('case.documents.upload')}</Button>
        </Upload>
      )}
      {documents.error && <Alert type="error" showIcon title={documents.error.message} />}
      <Table<DocumentDto>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={documents.data ?? []}
        loading={documents.loading && !documents.data}
        pagination={false}
        aria-label={t('case.tabs.documents')}
        locale={{ emptyText: <span className="cf-muted">{t('case.documents.none')}</span> }}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={!!preview}
        title={preview?.doc.fileName}
        width="min(1000px, 95vw)"
        footer={null}
        onCancel={() => setPreview(null)}
        destroyOnHidden
      >
        {preview && (preview.doc.contentType === 'application/pdf'
          ? <iframe src={preview.url} title={preview.doc.fileName} style={{ width: '100%', height: '75vh', border: 0 }} />
          : <img src={preview.url} alt={preview.doc.fileName} style={{ maxWidth: '100%' }} />)}
      </Modal>
    </div>
  );
}
