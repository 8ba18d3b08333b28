import type { AnyMachineSnapshot } from 'xstate';
import type { OrderRecord } from '../store/records.ts';
import { publicOrderId } from '../tenancy/order-keys.ts';
import type { ArmedDeadline, MachineVersion } from './hosted-machine.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What a client sees of an order: where it stands (state, open or closed), the machine's own part
 * (what it waits for, owes, its deadlines), what it takes now, and which versions it is at.
 */
export interface OrderView {
  /** The id its tenant knows (not the store's key). */
  id: string;
  state: string;
  status: 'open' | 'closed';
  acceptedEvents: string[];
  version: number;
  machine: { id: string; version: number };
  createdAt: string;
  updatedAt: string;
  [machinePart: string]: unknown;
}

/** The view of an order, from its record and restored snapshot, with the deadlines and events computed once. */
export function instanceView(
  record: OrderRecord,
  version: MachineVersion,
  snapshot: AnyMachineSnapshot,
  armed: readonly ArmedDeadline[],
  accepted: string[],
): OrderView {
  return {
    id: publicOrderId(record.id),
    state: record.state,
    status: snapshot.status === 'done' ? 'closed' : 'open',
    ...version.view(snapshot, armed, accepted),
    acceptedEvents: accepted,
    version: record.version,
    machine: record.snapshot.machine,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}
