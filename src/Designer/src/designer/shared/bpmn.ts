// Small helpers over bpmn-js shared by the editor, compare and live pages.
/* eslint-disable @typescript-eslint/no-explicit-any */

export const NEW_PROCESS_TEMPLATE = (processId: string, name: string, taskName: string, startName: string, endName: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="${processId}-definitions" targetNamespace="http://caseflow.example/workflows" exporter="CaseFlow" exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${processId}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="start" name="${escapeXml(startName)}">
      <bpmn:outgoing>toTask</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task" />
    <bpmn:userTask id="task" name="${escapeXml(taskName)}">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="caseworker" />
      </bpmn:extensionElements>
      <bpmn:incoming>toTask</bpmn:incoming>
      <bpmn:outgoing>toEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="toEnd" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end" name="${escapeXml(endName)}">
      <bpmn:incoming>toEnd</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="182" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="task_di" bpmnElement="task"><dc:Bounds x="270" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="toTask_di" bpmnElement="toTask"><di:waypoint x="218" y="120" /><di:waypoint x="270" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd"><di:waypoint x="370" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The executable process's id in a diagram (the first process when none is marked executable). */
export function processIdOf(modeler: any): string | undefined {
  const roots: any[] = modeler.getDefinitions()?.rootElements ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  return (processes.find((p) => p.isExecutable) ?? processes[0])?.id;
}

export function processNameOf(modeler: any): string | undefined {
  const roots: any[] = modeler.getDefinitions()?.rootElements ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  return (processes.find((p) => p.isExecutable) ?? processes[0])?.name;
}

/** Fits the diagram into the viewport after an import; a no-op when the container has no size yet. */
export function fitViewport(viewer: any) {
  try {
    viewer.get('canvas').zoom('fit-viewport', 'auto');
  } catch {
    /* an empty or hidden canvas has nothing to fit */
  }
}

/** Adds a marker class to each id that exists on the canvas; returns the ids marked. */
export function mark(viewer: any, ids: Iterable<string>, marker: string): string[] {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  const marked: string[] = [];
  for (const id of ids) {
    if (registry.get(id)) {
      canvas.addMarker(id, marker);
      marked.push(id);
    }
  }
  return marked;
}

/** A count badge overlay (tokens, incidents) at the bottom-left of an element. */
export function badge(viewer: any, elementId: string, type: string, text: string, className: string, label: string, position: Record<string, number>) {
  const registry = viewer.get('elementRegistry');
  if (!registry.get(elementId)) return;
  const html = document.createElement('div');
  html.className = className;
  html.textContent = text;
  html.setAttribute('role', 'img');
  html.setAttribute('aria-label', label);
  html.title = label;
  viewer.get('overlays').add(elementId, type, { position, html });
}

export function downloadText(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
