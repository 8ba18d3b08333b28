import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { startTracing } from '../../src/telemetry/tracing.ts';
import { webhookReceiver } from '../support/receivers.ts';
import { DAY, testApp } from '../support/test-app.ts';

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ exporter, immediate: true });
afterAll(() => tracing.shutdown());
afterEach(() => exporter.reset());

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${callerSpanId}-01`;

describe('traces', () => {
  it('a request is a server span named by its route, child of the caller\'s traceparent', async () => {
    const t = await testApp({ tracer: tracing.tracer });
    const res = await t.create({ id: 'tr-1' }).then(() => t.send('tr-1', 'DELIVERED', undefined, { traceparent }));
    expect(res.status).toBe(409);
    const span = exporter.getFinishedSpans().find((s) => s.name === 'POST /orders/:id/events')!;
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(span.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/orders/:id/events', 'url.path': '/orders/tr-1/events', 'http.response.status_code': 409, 'aftersales.request_id': res.headers.get('x-request-id') });
    const creation = exporter.getFinishedSpans().find((s) => s.name === 'POST /orders')!;
    expect(creation.spanContext().traceId).not.toBe(traceId); // no traceparent: a trace of its own
    expect(creation.parentSpanContext).toBeUndefined();
  });

  it('an applied event is a span of its own, child of the request: order, event, from and to state, machine version', async () => {
    const t = await testApp({ tracer: tracing.tracer });
    await t.create({ id: 'tr-3' });
    const state = (await t.get('tr-3')).body.state as string;
    exporter.reset();
    const res = await t.send('tr-3', 'SUPPLIER_CONTACTED', { note: 'asked' }, { traceparent });
    expect(res.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.name === 'POST /orders/:id/events')!;
    const transition = spans.find((s) => s.name === 'transition SUPPLIER_CONTACTED')!;
    expect(transition.kind).toBe(SpanKind.INTERNAL);
    expect(transition.spanContext().traceId).toBe(traceId);
    expect(transition.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(transition.attributes).toEqual({
      'aftersales.order_id': 'tr-3',
      'aftersales.event': 'SUPPLIER_CONTACTED',
      'aftersales.from_state': state,
      'aftersales.to_state': state,
      'aftersales.machine': 'order',
      'aftersales.machine_version': 2,
      'aftersales.source': 'client',
      'aftersales.order_version': 2,
    });
    // Inside the request's time, to OpenTelemetry's precision: the SDK anchors each span on Date.now()
    // (whole milliseconds) when it is created and adds performance.now() differences from there, so two
    // spans' clocks may disagree by up to a millisecond (seen in CI: a transition ending 0.07 ms after its
    // request). A transition outside its request by more than that is still caught.
    const ms = (s: typeof request, end: 'startTime' | 'endTime') => s[end][0] * 1000 + s[end][1] / 1e6;
    const anchoring = 1;
    expect(ms(transition, 'startTime')).toBeGreaterThanOrEqual(ms(request, 'startTime') - anchoring);
    expect(ms(transition, 'endTime')).toBeLessThanOrEqual(ms(request, 'endTime') + anchoring);
    expect(ms(transition, 'endTime')).toBeGreaterThanOrEqual(ms(transition, 'startTime'));
  });

  it('a refused event is no transition: an event on the request span says why', async () => {
    const t = await testApp({ tracer: tracing.tracer });
    await t.create({ id: 'tr-4' });
    exporter.reset();
    expect((await t.send('tr-4', 'DELIVERED')).status).toBe(409);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['POST /orders/:id/events']);
    expect(spans[0]!.events.map((e) => [e.name, e.attributes?.['aftersales.event'], e.attributes?.['aftersales.reason']])).toEqual([['event refused', 'DELIVERED', 'state']]);
  });

  it('a timer fired is a transition span of its own trace (no request started it)', async () => {
    const t = await testApp({ tracer: tracing.tracer });
    await t.create({ id: 'tr-5' });
    exporter.reset();
    await t.advance(10 * DAY);
    const fired = exporter.getFinishedSpans().filter((s) => s.attributes['aftersales.source'] === 'timer');
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired[0]!.name).toMatch(/^transition TIMER\./);
    expect(fired[0]!.attributes['aftersales.order_id']).toBe('tr-5');
    expect(fired[0]!.parentSpanContext).toBeUndefined();
  });

  it('a webhook delivery attempt is a client span, and the receiver gets its traceparent', async () => {
    const receiver = await webhookReceiver((n) => (n === 1 ? 503 : 204));
    try {
      const t = await testApp({ tracer: tracing.tracer, clock: createManualClock(Date.now()), delivery: { backoffBaseMs: 1000, random: () => 0.5 }, webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
      await t.call('POST', '/webhooks', { url: `${receiver.url}?token=receiver-secret`, events: ['state.changed'] });
      await t.create({ id: 'tr-2', shipBy: new Date(t.clock.now() + 3 * DAY).toISOString() });
      await t.app.deliveryWorker.runOnce();
      t.clock.advance(60_000);
      await t.app.deliveryWorker.runOnce();
      const attempts = exporter.getFinishedSpans().filter((s) => s.name === 'deliver webhook');
      expect(attempts.map((s) => [s.kind, s.attributes['http.response.status_code'], s.status.code])).toEqual([
        [SpanKind.CLIENT, 503, 2],
        [SpanKind.CLIENT, 204, 0],
      ]);
      expect(receiver.received).toHaveLength(2);
      receiver.received.forEach((r, i) => {
        const sent = attempts[i]!.spanContext();
        expect(r.headers.traceparent).toBe(`00-${sent.traceId}-${sent.spanId}-01`);
        expect(attempts[i]!.attributes['aftersales.notification_id']).toBe(r.headers['webhook-id']);
      });
      expect(attempts[0]!.attributes['url.full']).toBe(receiver.url); // the receiver's token is not in the trace
    } finally {
      await receiver.close();
    }
  });
});
