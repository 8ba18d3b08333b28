/**
 * An order's whole history through the API, page after page (`GET /orders/{id}/history` answers
 * at most 1000 entries and a `nextCursor`): what a client that checks every event must read.
 */
export async function wholeHistory<Entry>(base: string, orderId: string, init: RequestInit = {}): Promise<{ status: number; history: Entry[] }> {
  const history: Entry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const res = await fetch(`${base}/orders/${encodeURIComponent(orderId)}/history${query}`, init);
    if (res.status !== 200) return { status: res.status, history };
    const page = (await res.json()) as { history: Entry[]; nextCursor: string | null };
    history.push(...page.history);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { status: 200, history };
}
