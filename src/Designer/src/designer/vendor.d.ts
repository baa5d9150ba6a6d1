// bpmn.io packages that ship no type declarations: typed as loosely as their plug-in APIs are.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export const ZeebePropertiesProviderModule: any;
  export function useService(name: string): any;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: any;
  export default module;
}
declare module 'dmn-js/lib/Modeler' {
  const DmnModeler: any;
  export default DmnModeler;
}
declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: any;
  export const isSelectEntryEdited: any;
}
declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: any, props?: any, ...children: any[]): any;
}
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(extensions?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: any; warnings: unknown[] }>;
  }
}
