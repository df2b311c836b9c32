import type { KubeObject, NodePath } from '../repo/object.js';
import { deepMerge } from '../repo/deep-merge.js';
import { asRecord } from '../repo/parse.js';
import { inlineValues } from './helm-values.js';

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

/** Every enabled app-template container among the HelmReleases and Argo CD Applications in `objects`, as written. */
export function appTemplateContainers(objects: readonly KubeObject[]): AppTemplateContainer[] {
  const found: AppTemplateContainer[] = [];
  for (const { object, path, values } of inlineValues(objects, objects)) {
    const controllers = asRecord(values.controllers);
    if (!controllers || !isAppTemplate(controllers)) continue;
    for (const [controller, controllerValue] of Object.entries(controllers)) {
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
