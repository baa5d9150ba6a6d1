import { Alert, Button, Empty, Select, Space, Spin } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { definitions, instances, type CaseInstanceDto } from '../api';
import { errorText } from '../shared/labels';

interface Canvas {
  zoom(level: string | number): void;
  addMarker(element: string, marker: string): void;
}

interface ElementRegistry {
  get(id: string): unknown;
}

/**
 * The case's workflow drawn by bpmn-js' NavigatedViewer (pan and zoom, no editing: the workspace never loads a
 * modeler), the elements where the instance stands now marked. A case may have several instances (a reopened
 * case): the newest active one is shown first.
 */
export function ProcessDiagram({ caseInstances, refreshKey }: { caseInstances: CaseInstanceDto[]; refreshKey: number }) {
  const { t } = useTranslation('workspace');
  const ordered = [...caseInstances].sort((a, b) =>
    (a.status === 'Active' ? 0 : 1) - (b.status === 'Active' ? 0 : 1) || b.startedAt.localeCompare(a.startedAt));
  const [chosen, setChosen] = useState<string | undefined>(ordered[0]?.id);
  const instance = ordered.find((i) => i.id === chosen) ?? ordered[0];
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [active, setActive] = useState<string[]>([]);

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current });
    viewer.current = created;
    return () => {
      created.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    if (!instance) return;
    let live = true;
    setLoading(true);
    (async () => {
      try {
        const [xml, detail] = await Promise.all([
          definitions.xml(instance.processId, instance.version),
          instances.get(instance.id).catch(() => null),
        ]);
        if (!live || !viewer.current) return;
        await viewer.current.importXML(xml);
        const canvas = viewer.current.get<Canvas>('canvas');
        const registry = viewer.current.get<ElementRegistry>('elementRegistry');
        const ids = [...new Set((detail?.activeElements ?? []).map((e) => e.elementId))].filter((id) => registry.get(id));
        ids.forEach((id) => canvas.addMarker(id, 'cf-active'));
        canvas.zoom('fit-viewport');
        setActive(ids);
        setError(undefined);
      } catch (e) {
        if (live) setError(errorText(e, t('error')));
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [instance?.id, instance?.processId, instance?.version, refreshKey, t]);

  if (!instance) return <Empty description={t('case.diagram.none')} />;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        {ordered.length > 1 && (
          <Select
            aria-label={t('case.diagram.instance')}
            value={instance.id}
            onChange={setChosen}
            options={ordered.map((i) => ({ value: i.id, label: `${i.processId} v${i.version} · ${t(`instanceStatus.${i.status}`, { defaultValue: i.status })}` }))}
          />
        )}
        <span>{instance.processId} v{instance.version} · {t(`instanceStatus.${instance.status}`, { defaultValue: instance.status })}</span>
        <Button size="small" onClick={() => viewer.current?.get<Canvas>('canvas').zoom('fit-viewport')}>{t('case.diagram.fit')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Spin spinning={loading}>
        {/* A figure, not role="img": the viewer's canvas inside takes the keyboard focus for panning and zooming. */}
        <figure style={{ margin: 0 }} aria-label={t('case.diagram.label', { process: instance.processId, elements: active.join(', ') || t('case.diagram.noActive') })}>
          <div ref={container} className="cf-diagram" data-active-elements={active.join(' ')} />
          <figcaption className="cf-diagram-legend">{t('case.diagram.legend')}</figcaption>
        </figure>
      </Spin>
    </div>
  );
}
