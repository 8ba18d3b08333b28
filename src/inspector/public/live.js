// Follows an order's server-sent events. Built on fetch rather than EventSource so the stream
// carries the same Authorization header as every other API call.

/** Parses `text/event-stream` chunks into { event, data, id } messages. */
export function sseParser(onMessage) {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const message = { event: 'message', data: '', id: null };
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const key = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (key === 'event') message.event = value;
        else if (key === 'data') data.push(value);
        else if (key === 'id') message.id = value;
      }
      if (data.length) onMessage({ ...message, data: data.join('\n') });
    }
  };
}

/**
 * Follows `url` until `stop()` is called, reconnecting after a dropped connection.
 * `onStatus(true|false)` reports whether the stream is open.
 */
export function follow(url, { headers = () => ({}), onMessage, onStatus = () => {}, retryMs = 1000 }) {
  const controller = new window.AbortController();
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers() }, signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
        onStatus(true);
        const parse = sseParser(onMessage);
        const reader = res.body.pipeThrough(new window.TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        // Dropped or refused: wait and reconnect, unless we were told to stop.
      }
      onStatus(false);
      if (!controller.signal.aborted) await new Promise((resolve) => window.setTimeout(resolve, retryMs));
    }
  };
  void run();
  return { stop: () => controller.abort() };
}
