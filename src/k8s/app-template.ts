import type { KubeObject, NodePath } from '../repo/object.js';
import { deepMerge } from '../repo/deep-merge.js';
import { asRecord } from '../repo/parse.js';
import { isPlaceholder } from './argo-apps.js';
import { inlineValues } from './helm-values.js';
import { isHelmRelease } from './kinds.js';
import { getIn } from './pod-templates.js';

/**
 * A container that bjw-s' app-template chart (and its common library) renders from chart values:
 * `controllers.<controller>.containers.<id>` or `initContainers.<id>`. Most homelab repos built on
 * the home-ops template define every app this way, with no Deployment in Git.
 */
export interface AppTemplateContainer {
  /** The HelmRelease or Argo CD Application whose values hold it. */
  object: KubeObject;
  controller: string;
  list: 'containers' | 'initContainers';
  /** `nameOverride`, else its key under `containers`. */
  name: string;
  /** The container's own values. */
  path: NodePath;
  /** Its values with the controller's `defaultContainerOptions` applied, as the chart applies them. */
  values: Record<string, unknown>;
  /** Where a top-level key of `values` is written: in the container's own values, or in the controller's defaults. */
  pathOf(key: string): NodePath;
}

/**
 * One HelmRelease or Argo CD Helm source rendering app-template: its values, and the release name
 * and namespace the chart renders with (`{{ .Release.Name }}` in its values).
 */
export interface AppTemplateRelease {
  object: KubeObject;
  /** Path to the values inside the object. */
  path: NodePath;
  values: Record<string, unknown>;
  /** Flux: `spec.releaseName`, else `[<targetNamespace>-]<name>`; Argo CD: `helm.releaseName`, else the Application's name. */
  releaseName: string;
  /** Where the chart's objects land: the HelmRelease's targetNamespace or namespace, the Application's destination. */
  namespace: string | undefined;
  /** The common library's fullname, the prefix of every object the chart names itself. */
  fullname: string;
}

/** Every app-template release among the HelmReleases in `applied` and the Argo CD Applications in `objects`. */
export function appTemplateReleases(applied: readonly KubeObject[], objects: readonly KubeObject[]): AppTemplateRelease[] {
  const found: AppTemplateRelease[] = [];
  for (const { object, path, values } of inlineValues(applied, objects)) {
    const controllers = asRecord(values.controllers);
    if (!controllers || !isAppTemplate(controllers)) continue;
    const { releaseName, namespace } = isHelmRelease(object) ? fluxRelease(object) : argoRelease(object, path);
    if (releaseName === undefined) continue;
    const global = asRecord(values.global);
    const override = [global?.fullnameOverride, values.fullnameOverride].find((value) => typeof value === 'string' && value !== '') as string | undefined;
    // app-template sets global.nameOverride to the release name, so fullname is the release name unless overridden.
    found.push({ object, path, values, releaseName, namespace, fullname: (override ?? releaseName).slice(0, 63).replace(/-+$/, '') });
  }
  return found;
}

function fluxRelease(object: KubeObject): { releaseName: string | undefined; namespace: string | undefined } {
  const spec = asRecord(object.body.spec) ?? {};
  const target = typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '' ? spec.targetNamespace : undefined;
  const releaseName = typeof spec.releaseName === 'string' && spec.releaseName !== '' ? spec.releaseName : target && object.name ? `${target}-${object.name}` : object.name;
  // Flux shortens a longer name with a hash of it, which hctl does not guess.
  return { releaseName: releaseName !== undefined && releaseName.length <= 53 ? releaseName : undefined, namespace: target ?? object.namespace };
}

function argoRelease(object: KubeObject, valuesPath: NodePath): { releaseName: string | undefined; namespace: string | undefined } {
  const helm = asRecord(getIn(object.body, valuesPath.slice(0, -1)));
  const specPath = valuesPath.slice(0, valuesPath.lastIndexOf('spec') + 1);
  const destination = asRecord(asRecord(getIn(object.body, specPath))?.destination);
  // An ApplicationSet's Applications are named by its template.
  const appName = specPath.length > 1 ? asRecord(getIn(object.body, [...specPath.slice(0, -1), 'metadata']))?.name : object.name;
  const releaseName = typeof helm?.releaseName === 'string' && helm.releaseName !== '' ? helm.releaseName : appName;
  const known = (value: unknown) => (typeof value === 'string' && value !== '' && !isPlaceholder(value) ? value : undefined);
  return { releaseName: known(releaseName), namespace: known(destination?.namespace) };
}

/** Every enabled app-template container among the HelmReleases and Argo CD Applications in `objects`, as written. */
export function appTemplateContainers(objects: readonly KubeObject[]): AppTemplateContainer[] {
  return appTemplateReleases(objects, objects).flatMap(containersOfRelease);
}

/** The enabled containers of one release's enabled controllers, with their controller's defaults applied. */
export function containersOfRelease({ object, path, values }: AppTemplateRelease): AppTemplateContainer[] {
  const found: AppTemplateContainer[] = [];
  for (const [controller, controllerValue] of Object.entries(asRecord(values.controllers) ?? {})) {
    const settings = asRecord(controllerValue);
    if (!settings || settings.enabled === false) continue;
    const controllerPath = [...path, 'controllers', controller];
    for (const list of ['initContainers', 'containers'] as const) {
      for (const [id, containerValue] of Object.entries(asRecord(settings[list]) ?? {})) {
        const own = asRecord(containerValue);
        if (!own || own.enabled === false) continue;
        const containerPath = [...controllerPath, list, id];
        // The chart applies defaults to init containers only while applyDefaultContainerOptionsToInitContainers is true (the default).
        const defaults = list === 'containers' || (settings.applyDefaultContainerOptionsToInitContainers ?? true) === true ? asRecord(settings.defaultContainerOptions) : undefined;
        const strategy = settings.defaultContainerOptionsStrategy === 'merge' ? 'merge' : 'overwrite';
        const effective = withDefaults(own, defaults, strategy);
        found.push({
          object,
          controller,
          list,
          name: typeof own.nameOverride === 'string' && own.nameOverride !== '' ? own.nameOverride : id,
          path: containerPath,
          values: effective,
          pathOf: (key) => (!isEmpty(own[key]) || !defaults || isEmpty(defaults[key]) ? [...containerPath, key] : [...controllerPath, 'defaultContainerOptions', key]),
        });
      }
    }
  }
  return found;
}

/**
 * app-template's shape: controllers holding maps of containers whose image is a map (`repository`,
 * `tag`), written on a container or in the controller's defaults. Charts built on the common
 * library that keep their images (and maybe resources) in their own values.yaml are not read.
 */
function isAppTemplate(controllers: Record<string, unknown>): boolean {
  const hasImage = (options: unknown) => asRecord(asRecord(options)?.image)?.repository !== undefined;
  return Object.values(controllers).some((controller) => {
    const settings = asRecord(controller);
    return hasImage(settings?.defaultContainerOptions) || Object.values(asRecord(settings?.containers) ?? {}).some(hasImage);
  });
}

/**
 * The common library's valuesToObject: `overwrite` (the default) takes each default key the
 * container leaves empty; `merge` deep-merges the container's values over the defaults.
 */
function withDefaults(own: Record<string, unknown>, defaults: Record<string, unknown> | undefined, strategy: 'overwrite' | 'merge'): Record<string, unknown> {
  if (!defaults) return own;
  if (strategy === 'merge') return deepMerge(defaults, own);
  const result = { ...own };
  for (const [key, value] of Object.entries(defaults)) if (isEmpty(own[key])) result[key] = value;
  return result;
}

/** Sprig's `empty`: nil, false, 0, "", and empty maps and lists. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  const record = asRecord(value);
  return record !== undefined && Object.keys(record).length === 0;
}
