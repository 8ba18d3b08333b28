/**
 * The store with each method's errors passed through `translate` (which turns the adapter's "cannot
 * serve now" errors into `StoreUnavailableError`, and leaves the others as they are).
 */
export function translatingErrors<S extends object>(store: S, translate: (error: unknown) => unknown): S {
  const wrapped = Object.entries(store).map(([name, member]) => {
    if (typeof member !== 'function') return [name, member];
    const method = member as (...args: unknown[]) => unknown;
    return [
      name,
      async (...args: unknown[]) => {
        try {
          return await method.apply(store, args);
        } catch (error) {
          throw translate(error);
        }
      },
    ];
  });
  return Object.fromEntries(wrapped) as S;
}
