/** A Hono route path as a pattern: `:param` (with or without its own `{regex}`) is one segment, `*` the rest. */
function pattern(path: string): RegExp {
  const segments = path.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s === '*' ? '.*' : s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}/?$`);
}

/**
 * The methods an app serves at `path`, from its routes (middleware, registered for ALL, left out):
 * what a 405 lists in `Allow` (RFC 9110, section 15.5.6). HEAD goes with GET, as Hono answers it.
 */
export function allowedMethods(routes: readonly { method: string; path: string }[]) {
  const patterns = new Map<string, RegExp>();
  return (path: string): string[] => {
    const methods = new Set<string>();
    for (const route of routes) {
      if (route.method === 'ALL') continue;
      let re = patterns.get(route.path);
      if (!re) patterns.set(route.path, (re = pattern(route.path)));
      if (re.test(path)) methods.add(route.method);
    }
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
