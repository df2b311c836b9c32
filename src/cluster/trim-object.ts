import { X509Certificate } from 'node:crypto';
import type { LiveObject } from './cluster-state.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What hctl keeps of an object it reads: no managedFields and no last-applied copy (large, and on a
 * Secret it holds the data). A Secret keeps no data at all, only its TLS certificate's dates and names.
 */
export function trimObject(raw: Record<string, any>, apiVersion: string, kind: string): LiveObject {
  const metadata = { ...(raw.metadata ?? {}) };
  delete metadata.managedFields;
  if (metadata.annotations?.[LAST_APPLIED] !== undefined) {
    metadata.annotations = { ...metadata.annotations };
    delete metadata.annotations[LAST_APPLIED];
  }
  if (kind === 'Secret') {
    const secret: LiveObject = { apiVersion, kind, metadata, type: raw.type };
    const pem = typeof raw.data?.['tls.crt'] === 'string' ? Buffer.from(raw.data['tls.crt'], 'base64').toString('utf8') : undefined;
    if (pem) secret.certificate = certificateFacts(pem);
    return secret;
  }
  return { ...raw, apiVersion, kind, metadata } as LiveObject;
}

export interface CertificateFacts {
  notBefore?: string;
  notAfter?: string;
  subject?: string;
  dnsNames?: string[];
  error?: string;
}

/** The leaf certificate's validity and names; the first PEM block is the leaf by convention. */
export function certificateFacts(pem: string): CertificateFacts {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!block) return { error: 'tls.crt holds no PEM certificate' };
  try {
    const certificate = new X509Certificate(block);
    const dnsNames = (certificate.subjectAltName ?? '')
      .split(', ')
      .filter((name) => name.startsWith('DNS:'))
      .map((name) => name.slice(4));
    return {
      notBefore: new Date(certificate.validFrom).toISOString(),
      notAfter: new Date(certificate.validTo).toISOString(),
      subject: certificate.subject.replace(/\n/g, ', '),
      ...(dnsNames.length ? { dnsNames } : {}),
    };
  } catch (error) {
    return { error: `tls.crt cannot be parsed: ${(error as Error).message}` };
  }
}
