// The standard Camunda 8 modeler setup (bpmn-js with the Zeebe moddle, behaviours and properties panel), plus
// CaseFlow's catalogue selects. The modelers' CSS is imported here, so only the designer's chunks carry it.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '../designer.css';
import { CaseflowPropertiesModule, type CaseflowCatalogue } from './caseflowProperties';

export function createModeler(canvas: HTMLElement, panel: HTMLElement, catalogue: CaseflowCatalogue) {
  return new BpmnModeler({
    container: canvas,
    // The general and CaseFlow groups open: name, id, candidate group and form are what a supervisor edits most.
    propertiesPanel: { parent: panel, layout: { groups: { general: { open: true }, caseflow: { open: true } } } },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule,
      CaseflowPropertiesModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
    caseflow: catalogue,
  });
}
