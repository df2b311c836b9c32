import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** The API server answered with an error status (403 forbidden, 404 not installed, 410 expired…). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** The API server could not be reached or did not answer in time. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

export interface ApiClientOptions {
  /** Milliseconds one request may take, connection included. */
  timeoutMs: number;
  /** Requests in flight at once; the agent keeps that many connections alive. */
  concurrency: number;
}

/**
 * A read-only client: GET is the only verb it has, so `hctl health` cannot change the cluster.
 * Credentials (CA, client certificates, bearer tokens, exec and OIDC plugins, proxies) come from
 * client-node's KubeConfig; the request itself is plain node:https so pages stream into one parse.
 */
export class ApiClient {
  /** Requests sent, for the report and the benchmark. */
  requests = 0;
  private readonly base: URL;
  private options?: Promise<https.RequestOptions>;

  constructor(
    private readonly kubeconfig: KubeConfig,
    server: string,
    private readonly settings: ApiClientOptions,
  ) {
    this.base = new URL(server.endsWith('/') ? server : `${server}/`);
  }

  get server(): string {
    return this.base.origin + this.base.pathname.replace(/\/$/, '');
  }

  /** GETs a path (e.g. `/api/v1/pods?limit=500`) and parses the JSON answer. */
  async getJson<T>(pathAndQuery: string): Promise<T> {
    const text = await this.getText(pathAndQuery, 'application/json');
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(200, 'BadResponse', `the answer to GET ${pathAndQuery} is not JSON`, pathAndQuery);
    }
  }

  async getText(pathAndQuery: string, accept = 'text/plain'): Promise<string> {
    return this.send('GET', pathAndQuery, accept);
  }

  protected async send(method: 'GET' | 'PATCH', pathAndQuery: string, accept: string, body?: { type: string; text: string }): Promise<string> {
    const options = await this.requestOptions();
    const url = new URL(pathAndQuery.replace(/^\//, ''), this.base);
    this.requests++;
    return new Promise<string>((resolve, reject) => {
      const transport = url.protocol === 'http:' ? http : https;
      const headers = { ...(options.headers ?? {}), Accept: accept, 'User-Agent': 'hctl', ...(body ? { 'Content-Type': body.type } : {}) };
      const request = transport.request(url, { ...options, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new ConnectionError(`connection to ${this.server} broke: ${error.message}`)));
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else reject(apiError(status, text, pathAndQuery));
        });
      });
      const timer = setTimeout(() => {
        request.destroy(new ConnectionError(`no answer from ${this.server} within ${this.settings.timeoutMs / 1000}s (${method} ${url.pathname})`));
      }, this.settings.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error instanceof ConnectionError) reject(error);
        else reject(new ConnectionError(`cannot reach ${this.server}: ${describeNetworkError(error)}`));
      });
      request.end(body?.text);
    });
  }

  /** Closes kept-alive connections so the process can end. */
  close(): void {
    void this.options?.then((options) => (options.agent as http.Agent | undefined)?.destroy());
  }

  private requestOptions(): Promise<https.RequestOptions> {
    this.options ??= (async () => {
      const options: https.RequestOptions = {};
      try {
        await this.kubeconfig.applyToHTTPSOptions(options);
      } catch (error) {
        throw new ConnectionError(`cannot authenticate to ${this.server}: ${(error as Error).message.split('\n')[0]}`);
      }
      // Without a proxy, a keep-alive agent with the same TLS settings saves a handshake per request.
      if (!this.kubeconfig.getCurrentCluster()?.proxyUrl) {
        const tls = { ca: options.ca, cert: options.cert, key: options.key, rejectUnauthorized: options.rejectUnauthorized, servername: options.servername };
        const agentOptions = { keepAlive: true, maxSockets: this.settings.concurrency };
        options.agent = this.base.protocol === 'http:' ? new http.Agent(agentOptions) : new https.Agent({ ...agentOptions, ...tls });
      }
      return options;
    })();
    return this.options;
  }
}

function apiError(status: number, body: string, path: string): ApiError {
  // Kubernetes answers errors with a Status object; proxies and old servers may not.
  try {
    const parsed = JSON.parse(body) as { reason?: string; message?: string };
    return new ApiError(status, parsed.reason ?? String(status), parsed.message ?? `HTTP ${status}`, path);
  } catch {
    return new ApiError(status, String(status), `HTTP ${status}${body ? `: ${body.slice(0, 200).trim()}` : ''}`, path);
  }
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ECONNREFUSED') return 'connection refused (is the API server running, and is the kubeconfig server URL right?)';
  if (error.code === 'ENOTFOUND') return `host not found (${error.message.replace(/^getaddrinfo ENOTFOUND /, '')})`;
  if (error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error.code === 'SELF_SIGNED_CERT_IN_CHAIN' || error.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return `the server's certificate is not trusted (${error.code}); set certificate-authority-data for the cluster in the kubeconfig`;
  }
  if (error.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the server's certificate does not name this host (${error.message}); set tls-server-name in the kubeconfig`;
  return error.message || String(error.code);
}

/**
 * The one client that may change the cluster, for commands a user runs to change it (`hctl vcluster
 * sync`): PATCH only, so it can never create or delete an object.
 */
export class ApiWriter extends ApiClient {
  /** `merge` is a JSON merge patch (RFC 7386), `json` a JSON patch (RFC 6902). */
  async patch<T>(path: string, kind: 'merge' | 'json', patch: unknown): Promise<T> {
    const type = kind === 'merge' ? 'application/merge-patch+json' : 'application/json-patch+json';
    return JSON.parse(await this.send('PATCH', path, 'application/json', { type, text: JSON.stringify(patch) })) as T;
  }
}
