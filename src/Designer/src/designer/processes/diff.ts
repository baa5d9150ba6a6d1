// What changed between two versions of a process: elements added, removed, and changed (name, type, the
// Zeebe extension attributes, conditions, event definitions, incoming and outgoing flows).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

export interface ElementChange {
  id: string;
  type: string;
  name: string | null;
  kind: 'added' | 'removed' | 'changed';
  /** For changed elements: which aspects differ, with the old and the new value as text. */
  fields: { field: string; before: string; after: string }[];
}

type Signature = Record<string, string>;

const REFERENCE_KEYS = new Set(['default', 'attachedToRef', 'sourceRef', 'targetRef', 'messageRef', 'errorRef', 'signalRef', 'escalationRef', 'processRef']);

/** A moddle element as plain data; references to other elements become their ids (no walking the graph). */
function plain(value: any, depth = 0): unknown {
  if (depth > 8 || value === undefined || value === null) return value ?? null;
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = { type: value.$type };
  for (const key of Object.keys(value).sort()) {
    if (key.startsWith('$') || key === 'di') continue;
    const v = value[key];
    if (v && typeof v === 'object' && !Array.isArray(v) && (REFERENCE_KEYS.has(key) || key.endsWith('Ref'))) out[key] = v.id ?? null;
    else out[key] = plain(v, depth + 1);
  }
  return out;
}

function signature(element: any): Signature {
  const ids = (list: any[] | undefined) => (list ?? []).map((f) => f.id).sort().join(', ');
  return {
    type: element.$type.replace('bpmn:', ''),
    name: element.name ?? '',
    zeebe: JSON.stringify(plain(element.extensionElements?.values ?? [])),
    condition: element.conditionExpression?.body ?? '',
    events: JSON.stringify(plain(element.eventDefinitions ?? [])),
    incoming: ids(element.incoming),
    outgoing: ids(element.outgoing),
    source: element.sourceRef?.id ?? '',
    target: element.targetRef?.id ?? '',
    default: element.default?.id ?? '',
    attachedTo: element.attachedToRef?.id ?? '',
    loop: JSON.stringify(plain(element.loopCharacteristics ?? null)),
  };
}

function collect(container: any, into: Map<string, any>) {
  for (const element of container.flowElements ?? []) {
    into.set(element.id, element);
    if (element.flowElements) collect(element, into);
  }
}

export async function elementsOf(xml: string): Promise<Map<string, any>> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const elements = new Map<string, any>();
  for (const root of rootElement.rootElements ?? []) if (root.$type === 'bpmn:Process') collect(root, elements);
  for (const participant of rootElement.rootElements?.flatMap((r: any) => r.participants ?? []) ?? []) {
    if (participant.processRef) collect(participant.processRef, elements);
  }
  return elements;
}

export async function diffProcesses(beforeXml: string, afterXml: string): Promise<ElementChange[]> {
  const [before, after] = await Promise.all([elementsOf(beforeXml), elementsOf(afterXml)]);
  const changes: ElementChange[] = [];
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ id, type: element.$type.replace('bpmn:', ''), name: element.name ?? null, kind: 'added', fields: [] });
      continue;
    }
    const a = signature(old);
    const b = signature(element);
    const fields = Object.keys(a).filter((k) => a[k] !== b[k]).map((k) => ({ field: k, before: a[k], after: b[k] }));
    if (fields.length) changes.push({ id, type: b.type, name: element.name ?? null, kind: 'changed', fields });
  }
  for (const [id, element] of before) {
    if (!after.has(id)) changes.push({ id, type: element.$type.replace('bpmn:', ''), name: element.name ?? null, kind: 'removed', fields: [] });
  }
  const order = { added: 0, changed: 1, removed: 2 };
  return changes.sort((x, y) => order[x.kind] - order[y.kind] || x.id.localeCompare(y.id));
}
