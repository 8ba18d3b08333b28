/** What a live view hears about one commit (`change` on `GET /orders/:id/stream`); it reads the order itself for the rest. */
export interface ChangeMessage {
  orderId: string;
  version: number;
  type: string;
  fromState: string | null;
  toState: string;
  source: 'client' | 'timer' | 'migration';
}

/**
 * How instances sharing one database tell each other about their commits, so that a live view
 * connected to any of them follows every change (PostgreSQL: `openPostgresCommitFeed`). SQLite
 * serves one process and needs none.
 */
export interface CommitFeed {
  /** Announces a commit of this instance to the others (best effort, possibly batched). */
  publish(change: ChangeMessage): void;
  /** Calls `listener` with each commit another instance announces; the returned function stops it. */
  onRemote(listener: (change: ChangeMessage) => void): () => void;
  /** Announces what is pending and disconnects. */
  close(): Promise<void>;
}
