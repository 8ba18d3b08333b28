/**
 * The raw transaction ceiling of a PostgreSQL database: `clients` connections, each committing
 * one-row UPDATEs in a loop (each its own transaction, so its own WAL flush, as a commit per event
 * was), for `seconds`. What one transaction per event could reach at best, from the same run.
 */
import pg from 'pg';

export async function rawTransactionCeiling(url: string, { clients, seconds }: { clients: number; seconds: number }) {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  pool.on('error', () => {}); // an idle connection ended (the bench dropping its database after a failure)
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_transactions (id integer PRIMARY KEY, n bigint NOT NULL)');
    await pool.query('INSERT INTO bench_raw_transactions SELECT g, 0 FROM generate_series(0, $1::integer - 1) g ON CONFLICT DO NOTHING', [clients]);
    let transactions = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, id) => {
        while (performance.now() < end) {
          await pool.query('UPDATE bench_raw_transactions SET n = n + 1 WHERE id = $1', [id]);
          transactions++;
        }
      }),
    );
    return { transactionsPerSecond: transactions / ((performance.now() - started) / 1000), transactions };
  } finally {
    await pool.end();
  }
}
