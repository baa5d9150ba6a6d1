// A properties-panel provider that puts the service's own catalogues next to the Zeebe fields: candidate
// groups from the real roles (role and role@kind), the linked form from the deployed forms, the called decision
// from the deployed decisions, and an "Edit form" button that opens the form editor for the task's form.
// The Zeebe groups keep their free-text fields (FEEL expressions stay possible); these selects write the same
// attributes through the same commands.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

export interface CaseflowCatalogue {
  candidateGroups: string[];
  forms: string[];
  decisions: { id: string; name: string }[];
  /** The panel's own labels, translated by the page. */
  labels: {
    group: string;
    candidateGroup: string;
    form: string;
    decision: string;
    none: string;
    editForm: string;
    createForm: string;
  };
  onEditForm(element: any): void;
}

function extension(element: any, type: string): any {
  const values = getBusinessObject(element).get('extensionElements')?.get('values') ?? [];
  return values.find((v: any) => is(v, type));
}

/** Sets attributes on the element's zeebe extension of `type`, creating extensionElements and the extension as needed. */
export function setExtensionAttributes(injector: any, element: any, type: string, properties: Record<string, unknown>) {
  const bpmnFactory = injector.get('bpmnFactory');
  const commandStack = injector.get('commandStack');
  const businessObject = getBusinessObject(element);
  const commands: any[] = [];
  let extensionElements = businessObject.get('extensionElements');
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = businessObject;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: businessObject, properties: { extensionElements } } });
  }
  let target = extension(element, type);
  if (!target) {
    target = bpmnFactory.create(type, {});
    target.$parent = extensionElements;
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: extensionElements, properties: { values: [...extensionElements.get('values'), target] } },
    });
  }
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: target, properties } });
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

/** The option list: "none", the catalogue, and the current value when the catalogue lacks it (an expression, an old role). */
function options(values: string[], current: string | undefined, none: string, labels?: Map<string, string>) {
  const list = [{ value: '', label: none }, ...values.map((v) => ({ value: v, label: labels?.get(v) ?? v }))];
  if (current && !values.includes(current)) list.push({ value: current, label: current });
  return list;
}

function CandidateGroupEntry({ element, id, catalogue }: any) {
  const injector = useService('injector');
  const getValue = () => extension(element, 'zeebe:AssignmentDefinition')?.get('candidateGroups') ?? '';
  return h(SelectEntry, {
    element, id,
    label: catalogue.labels.candidateGroup,
    getValue,
    setValue: (value: string) =>
      setExtensionAttributes(injector, element, 'zeebe:AssignmentDefinition', { candidateGroups: value || undefined }),
    getOptions: () => options(catalogue.candidateGroups, getValue(), catalogue.labels.none),
  });
}

function FormEntry({ element, id, catalogue }: any) {
  const injector = useService('injector');
  const getValue = () => extension(element, 'zeebe:FormDefinition')?.get('formId') ?? '';
  return h(SelectEntry, {
    element, id,
    label: catalogue.labels.form,
    getValue,
    setValue: (value: string) => {
      if (value) setExtensionAttributes(injector, element, 'zeebe:FormDefinition', { formId: value });
      else if (extension(element, 'zeebe:FormDefinition')) {
        const extensionElements = getBusinessObject(element).get('extensionElements');
        injector.get('commandStack').execute('element.updateModdleProperties', {
          element, moddleElement: extensionElements,
          properties: { values: extensionElements.get('values').filter((v: any) => !is(v, 'zeebe:FormDefinition')) },
        });
      }
    },
    getOptions: () => options(catalogue.forms, getValue(), catalogue.labels.none),
  });
}

function EditFormEntry({ element, id, catalogue }: any) {
  const hasForm = !!extension(element, 'zeebe:FormDefinition')?.get('formId');
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('button', {
      type: 'button',
      class: 'cf-panel-button',
      onClick: () => catalogue.onEditForm(element),
    }, hasForm ? catalogue.labels.editForm : catalogue.labels.createForm));
}

function DecisionEntry({ element, id, catalogue }: any) {
  const injector = useService('injector');
  const getValue = () => extension(element, 'zeebe:CalledDecision')?.get('decisionId') ?? '';
  const names = new Map<string, string>(catalogue.decisions.map((d: { id: string; name: string }) => [d.id, `${d.name} (${d.id})`]));
  return h(SelectEntry, {
    element, id,
    label: catalogue.labels.decision,
    getValue,
    setValue: (value: string) => {
      const current = extension(element, 'zeebe:CalledDecision');
      // The engine needs a result variable with a called decision: default it as Camunda's modeler does.
      const resultVariable = current?.get('resultVariable') || 'result';
      setExtensionAttributes(injector, element, 'zeebe:CalledDecision', { decisionId: value || undefined, resultVariable });
    },
    getOptions: () => options(catalogue.decisions.map((d: { id: string }) => d.id), getValue(), catalogue.labels.none, names),
  });
}

class CaseflowPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.caseflow'];
  private readonly catalogue: CaseflowCatalogue;

  constructor(propertiesPanel: any, catalogue: CaseflowCatalogue) {
    this.catalogue = catalogue;
    // Below the Zeebe provider's 500, so our group is added after theirs exist.
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      const catalogue = this.catalogue;
      const entries: any[] = [];
      const entry = (id: string, component: any) =>
        entries.push({ id, element, isEdited: isSelectEntryEdited, component: (props: any) => component({ ...props, element, catalogue }) });
      if (is(element, 'bpmn:UserTask')) {
        entry('cf-candidateGroup', CandidateGroupEntry);
        entry('cf-form', FormEntry);
        entry('cf-editForm', EditFormEntry);
      }
      if (is(element, 'bpmn:BusinessRuleTask')) entry('cf-decision', DecisionEntry);
      if (!entries.length) return groups;
      const group = { id: 'caseflow', label: catalogue.labels.group, entries };
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, group);
      return groups;
    };
  }
}

export const CaseflowPropertiesModule = {
  __init__: ['caseflowPropertiesProvider'],
  caseflowPropertiesProvider: ['type', CaseflowPropertiesProvider],
};
