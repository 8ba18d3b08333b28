import { BlockList, isIP } from 'node:net';

/**
 * Why an address is no place for a webhook: the rule it falls under. Each names a range a public
 * receiver never has, and that an attacker would use to reach this host or its network.
 */
export type AddressRule = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved';

type Ranges = [family: 'ipv4' | 'ipv6', prefix: string, bits: number][];

/** The ranges of each rule (IANA special-purpose registries); `reserved` gathers the ones no receiver uses. */
const ranges: Record<AddressRule, Ranges> = {
  unspecified: [['ipv4', '0.0.0.0', 8], ['ipv6', '::', 128]],
  loopback: [['ipv4', '127.0.0.0', 8], ['ipv6', '::1', 128]],
  private: [['ipv4', '10.0.0.0', 8], ['ipv4', '172.16.0.0', 12], ['ipv4', '192.168.0.0', 16], ['ipv4', '100.64.0.0', 10], ['ipv6', 'fec0::', 10], ['ipv6', '64:ff9b:1::', 48]],
  'link-local': [['ipv4', '169.254.0.0', 16], ['ipv6', 'fe80::', 10]],
  'unique-local': [['ipv6', 'fc00::', 7]],
  multicast: [['ipv4', '224.0.0.0', 4], ['ipv6', 'ff00::', 8]],
  reserved: [
    ['ipv4', '192.0.0.0', 24], ['ipv4', '192.0.2.0', 24], ['ipv4', '198.18.0.0', 15], ['ipv4', '198.51.100.0', 24], ['ipv4', '203.0.113.0', 24],
    ['ipv4', '192.88.99.0', 24], ['ipv4', '240.0.0.0', 4],
    ['ipv6', '100::', 64], ['ipv6', '2001::', 23], ['ipv6', '2001:db8::', 32], ['ipv6', '3fff::', 20], ['ipv6', '5f00::', 16],
  ],
};

/** One block list per rule, checked in this order (a mapped `::ffff:a.b.c.d` matches the IPv4 ranges too). */
const lists = (Object.entries(ranges) as [AddressRule, Ranges][]).map(([rule, subnets]) => {
  const list = new BlockList();
  for (const [family, prefix, bits] of subnets) list.addSubnet(prefix, bits, family);
  return { rule, list };
});

/** The 16 bytes of an IPv6 address (no zone), for reading an IPv4 address embedded in it. */
function ipv6Bytes(address: string): Buffer {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const words = (part: string) => (part === '' ? [] : part.split(':').map((w) => parseInt(w, 16)));
  const front = words(head);
  const back = tail === undefined ? [] : words(tail);
  const all = [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = Buffer.alloc(16);
  all.forEach((w, i) => bytes.writeUInt16BE(w, i * 2));
  return bytes;
}

const ipv4At = (bytes: Buffer, at: number) => `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;

/**
 * The IPv4 address an IPv6 one carries, when the network would reach it: IPv4-compatible (`::a.b.c.d`),
 * NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`). IPv4-mapped (`::ffff:`) is matched by the lists themselves.
 */
function embeddedIpv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  if (zeros(0, 12)) return ipv4At(bytes, 12);
  if (bytes.readUInt32BE(0) === 0x0064ff9b && zeros(4, 12)) return ipv4At(bytes, 12);
  if (bytes.readUInt16BE(0) === 0x2002) return ipv4At(bytes, 2);
  return undefined;
}

/** The rule an address (IPv4 or IPv6, without brackets) breaks, or undefined for a public unicast address. */
export function addressRule(address: string): { rule: AddressRule; embedded?: string } | undefined {
  const family = isIP(address);
  if (family === 0) return { rule: 'reserved' };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { rule, list } of lists) if (list.check(address, type)) return { rule };
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    const inner = embedded === undefined ? undefined : addressRule(embedded);
    if (inner) return { rule: inner.rule, embedded: embedded! };
    // `::a.b.c.d` is deprecated: no public receiver is reached by it.
    if (embedded !== undefined && ipv6Bytes(address).subarray(0, 12).every((b) => b === 0)) return { rule: 'reserved', embedded };
  }
  return undefined;
}
