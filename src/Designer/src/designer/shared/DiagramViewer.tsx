// A read-only bpmn-js diagram (pan and zoom) that hands the viewer to its page after each import, for markers
// and overlays.
/* eslint-disable @typescript-eslint/no-explicit-any */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import '../designer.css';
import { fitViewport } from './bpmn';

export default function DiagramViewer({ xml, onReady, label, className = 'cf-viewer' }: {
  xml: string | undefined;
  onReady?: (viewer: any) => void;
  label: string;
  className?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<any>(null);
  const [error, setError] = useState<string>();
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    viewer.current = new NavigatedViewer({ container: container.current! });
    return () => { viewer.current?.destroy(); viewer.current = null; };
  }, []);

  useEffect(() => {
    if (!xml || !viewer.current) return;
    let current = true;
    viewer.current.importXML(xml).then(
      () => {
        if (!current) return;
        setError(undefined);
        fitViewport(viewer.current);
        ready.current?.(viewer.current);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => { current = false; };
  }, [xml]);

  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      <div ref={container} className={className} role="figure" aria-label={label} />
    </>
  );
}
