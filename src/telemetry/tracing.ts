import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  /** `service.name` of every span; default `aftersales` (or `OTEL_SERVICE_NAME`). */
  serviceName?: string;
  /**
   * Where spans go. Default: OTLP over HTTP/JSON, to `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`
   * (the exporter reads the standard `OTEL_EXPORTER_OTLP_*` variables itself).
   */
  exporter?: SpanExporter;
  /** Export each span as it ends (tests) instead of in batches (`OTEL_BSP_*` tune the batches). */
  immediate?: boolean;
}

export interface Tracing {
  tracer: Tracer;
  /** Exports what is buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing: registers a tracer provider, the W3C trace-context propagator and
 * an AsyncLocalStorage context manager (so a span started inside a request is its child).
 * The entry point calls it only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: tracing is off otherwise.
 */
export function startTracing({ serviceName = process.env.OTEL_SERVICE_NAME || 'aftersales', exporter = new OTLPTraceExporter(), immediate = false }: TracingOptions = {}): Tracing {
  const processor = immediate ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors: [processor] });
  provider.register();
  return {
    tracer: provider.getTracer('aftersales'),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
