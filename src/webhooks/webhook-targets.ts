import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressRule, type AddressRule } from './address-rules.ts';

/** A resolved address of a host, as `dns.lookup` answers it. */
export interface ResolvedAddress { address: string; family: 4 | 6 }

/** Resolves a host name to every address a connection might use. Injectable: tests answer what they need. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** The resolver the operating system's connections use (`getaddrinfo`: /etc/hosts, then DNS). */
export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })) as ResolvedAddress[];

/** Where webhooks may go. Default: `https` only, public addresses only. */
export interface WebhookTargetPolicy {
  /** Allow plain `http://` targets (WEBHOOK_ALLOW_HTTP). Default false. */
  allowHttp?: boolean;
  /** Hosts (names or address literals, as in the URL) exempt from the address rules (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** Resolves host names; default: the system's. */
  resolve?: Resolver;
}

export type TargetRule = AddressRule | 'https-only';

/** A target refused, with the rule it breaks and a sentence saying why. */
export class WebhookTargetRefused extends Error {
  override name = 'WebhookTargetRefused';
  constructor(readonly rule: TargetRule, readonly reason: string) {
    super(reason);
  }
}

/** The host of a URL as the rules compare it: lower case, no brackets, no trailing dot. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Checks webhook targets: the scheme, then every address the host resolves to. `check` is run when a
 * subscription is registered and again before every attempt (DNS may have changed); the addresses it
 * answers are the only ones the attempt connects to, so a rebinding between check and connect is harmless.
 */
export function webhookTargets({ allowHttp = false, allowedHosts = [], resolve = systemResolver }: WebhookTargetPolicy = {}) {
  const allowed = new Set(allowedHosts.map((h) => h.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()).filter(Boolean));

  function refuseAddress(host: string, address: string, named: boolean): never | void {
    const broken = addressRule(address);
    if (!broken) return;
    const form = broken.embedded ? ` (a form of ${broken.embedded})` : '';
    const what = named ? `${host} resolves to ${address}${form}, ` : `${address}${form} is `;
    throw new WebhookTargetRefused(broken.rule, `${what}a ${broken.rule} address (rule ${broken.rule}); webhooks go only to public addresses unless WEBHOOK_ALLOWED_HOSTS lists the host`);
  }

  /** The scheme and the literal host, without resolving: what can be refused at once. */
  function checkUrl(url: URL): { host: string; exempt: boolean } {
    if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
      throw new WebhookTargetRefused('https-only', `${url.protocol.slice(0, -1)} targets are refused (rule https-only): use https${url.protocol === 'http:' ? ', or set WEBHOOK_ALLOW_HTTP=1' : ''}`);
    }
    const host = hostOf(url);
    const exempt = allowed.has(host);
    if (!exempt && isIP(host) !== 0) refuseAddress(host, host, false);
    if (!exempt && isLocalhostName(host)) throw new WebhookTargetRefused('loopback', `${host} names this machine (rule loopback); webhooks go only to public addresses unless WEBHOOK_ALLOWED_HOSTS lists the host`);
    return { host, exempt };
  }

  return {
    /**
     * Before an attempt: the addresses to connect to, all of them allowed (empty for an address
     * literal, which needs no lookup). Throws `WebhookTargetRefused`, or the resolver's error.
     */
    async addressesFor(target: string | URL): Promise<ResolvedAddress[]> {
      const url = new URL(target);
      const { host, exempt } = checkUrl(url);
      if (isIP(host) !== 0) return [];
      const addresses = await resolve(host);
      if (!exempt) for (const { address } of addresses) refuseAddress(host, address, true);
      return addresses;
    },
    /**
     * At registration: refuses what breaks a rule now. A host that does not resolve (yet) is
     * accepted; every attempt checks again.
     */
    async registrable(target: string): Promise<void> {
      const url = new URL(target);
      const { host, exempt } = checkUrl(url);
      if (exempt || isIP(host) !== 0) return;
      // A slow resolver does not hold the request: the first attempt checks again.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<ResolvedAddress[]>((done) => (timer = setTimeout(() => done([]), 3000)));
      const addresses = await Promise.race([resolve(host).catch(() => []), late]).finally(() => clearTimeout(timer));
      for (const { address } of addresses) refuseAddress(host, address, true);
    },
  };
}

export type WebhookTargets = ReturnType<typeof webhookTargets>;
