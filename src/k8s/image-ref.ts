/** The tag of an image reference (`undefined` when there is none), and whether a digest pins it. */
export function parseImage(image: string): { tag: string | undefined; digest: boolean } {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return { tag: colon === -1 ? undefined : lastSegment.slice(colon + 1), digest: at !== -1 };
}

/** Why an image reference floats, or undefined when it is pinned. */
export function floatingReason(image: string): string | undefined {
  const { tag, digest } = parseImage(image.trim());
  if (digest) return undefined;
  if (tag === undefined || tag === '') return 'has no tag (pulls :latest)';
  if (tag === 'latest') return 'uses the :latest tag';
  return undefined;
}
