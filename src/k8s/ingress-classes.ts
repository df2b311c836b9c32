import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

export interface IngressClasses {
  /** An Ingress's class: spec.ingressClassName, else the legacy annotation, else the repository's default IngressClass. */
  classOf(ingress: KubeObject): string | undefined;
  /** The controller of the repository's IngressClass of that name (undefined when a chart installs it). */
  controllerOf(name: string): string | undefined;
}

export function ingressClasses(objects: readonly KubeObject[]): IngressClasses {
  const controllers = new Map<string, string>();
  let defaultClass: string | undefined;
  for (const object of objects) {
    if (object.kind !== 'IngressClass' || apiGroup(object.apiVersion) !== 'networking.k8s.io' || !object.name) continue;
    const controller = asRecord(object.body.spec)?.controller;
    if (typeof controller === 'string') controllers.set(object.name, controller);
    if (asRecord(asRecord(object.body.metadata)?.annotations)?.['ingressclass.kubernetes.io/is-default-class'] === 'true') defaultClass = object.name;
  }
  return {
    classOf(ingress) {
      const written = asRecord(ingress.body.spec)?.ingressClassName ?? asRecord(asRecord(ingress.body.metadata)?.annotations)?.['kubernetes.io/ingress.class'];
      return typeof written === 'string' ? written : defaultClass;
    },
    controllerOf: (name) => controllers.get(name),
  };
}
