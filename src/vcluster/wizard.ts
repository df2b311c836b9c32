import type { PlatformSettings } from '../config/platform.js';
import * as check from './field-checks.js';
import type { Prompter } from './prompter.js';
import { PRESET_NAMES, PRESETS } from './presets.js';
import { ENVIRONMENTS, type CreateFlags } from './request-input.js';

/** Kubernetes versions the wizard offers (seed 002); `--k8s-version` takes any the schema allows. */
export const WIZARD_K8S_VERSIONS = ['v1.34.3', '1.33', '1.32'];

/** An optional answer: empty means "leave it to the preset". */
const optional = (fieldCheck: check.FieldCheck) => (value: string) => (value.trim() === '' ? undefined : fieldCheck(value.trim()));
const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * Asks, in seed 002's order: name, preset, hostname, NFS egress, then (behind one gate) the
 * advanced settings, then an optional workload repository. Each answer is checked as it is typed,
 * with the same checks as the flags; the result goes through the flags' path unchanged.
 */
export async function runWizard(prompter: Prompter, platform: PlatformSettings, given: { name?: string; flags: CreateFlags }): Promise<{ name: string; flags: CreateFlags }> {
  const flags: CreateFlags = { ...given.flags };
  const name = given.name ?? (await prompter.text({ message: 'vCluster name', validate: check.dnsLabel }));
  flags.preset ??= await prompter.choose({
    message: 'Preset',
    choices: PRESET_NAMES.map((preset) => ({ value: preset, label: `${preset} — ${PRESETS[preset].summary}` })),
    default: 'dev',
  });
  flags.hostname ??= await prompter.text({ message: 'API hostname', default: `${name}.${platform.domain}`, validate: check.hostname });
  flags.enableNfs ??= await prompter.confirm({ message: 'Allow NFS egress (port 2049) from the vCluster namespace?', default: false });

  if (await prompter.confirm({ message: 'Customize advanced settings?', default: false })) {
    flags.k8sVersion ??= await prompter.choose({ message: 'Kubernetes version', choices: WIZARD_K8S_VERSIONS.map((value) => ({ value, label: value })), default: WIZARD_K8S_VERSIONS[0] });
    flags.isolation ??= await prompter.choose({
      message: 'Isolation mode',
      choices: [
        { value: 'standard', label: 'standard' },
        { value: 'strict', label: 'strict — stricter pod security and network policies' },
      ],
      default: PRESETS[flags.preset as 'dev' | 'prod']?.isolationMode ?? 'standard',
    });
    flags.environment ??= await prompter.choose({ message: 'Argo CD environment', choices: ENVIRONMENTS.map((value) => ({ value, label: value })), default: 'production' });
    const preset = PRESETS[flags.preset as 'dev' | 'prod'];
    if (flags.persistence === undefined && flags.persistenceSize === undefined) {
      flags.persistence = await prompter.confirm({ message: 'Persist the control plane on a volume?', default: preset?.persistenceSize !== undefined });
      if (flags.persistence) flags.persistenceSize = await prompter.text({ message: 'Volume size', default: preset?.persistenceSize ?? '10Gi', validate: check.size });
    }
    if (flags.subnet === undefined && flags.vip === undefined) {
      const subnet = blankToUndefined(await prompter.text({ message: 'Subnet for the API VIP (CIDR, empty for the pool)', default: platform.clusterSubnet ?? '', validate: optional(check.cidr) }));
      if (subnet) {
        flags.subnet = subnet;
        const vip = blankToUndefined(
          await prompter.text({ message: 'Static VIP (empty to allocate)', validate: optional((value) => check.ipv4(value) ?? check.vipInSubnet(value, subnet)) }),
        );
        if (vip) flags.vip = vip;
      }
    }
    flags.corednsReplicas ??= await prompter.text({ message: 'CoreDNS replicas', default: String(preset?.corednsReplicas ?? 1), validate: (value) => check.integerIn(value, 1, 9) });
  }

  if (flags.workloadRepoUrl === undefined && (await prompter.confirm({ message: 'Use a custom workload repository?', default: false }))) {
    flags.workloadRepoUrl = await prompter.text({ message: 'Workload repository URL', validate: check.gitUrl });
    const basePath = blankToUndefined(await prompter.text({ message: 'Base path (empty for none)', default: '', validate: optional(check.repoPath) }));
    if (basePath) flags.workloadRepoBasePath = basePath;
    flags.workloadRepoPath = await prompter.text({ message: 'Manifest path', default: 'workloads', validate: check.repoPath });
    flags.workloadRepoRevision = await prompter.text({ message: 'Branch or tag', default: 'main', validate: check.gitRevision });
  }
  return { name, flags };
}
