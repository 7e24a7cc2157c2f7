package io.ecostream.streams.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /metrics} in the Prometheus text format, {@code GET /health/live} (the process
 * works: 200 {@code UP}, else 503 {@code DOWN}) and {@code GET /health/ready} (it processes: 200,
 * or 503 with a one-line reason); {@code GET /health} is the readiness, as orchestrators expect.
 * Other handlers (the query API) are added with {@link #serve}.
 */
public final class MetricsHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;

  private MetricsHttpServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * @param host the address to listen on: 127.0.0.1 keeps the endpoints to this machine, 0.0.0.0
   *     opens them to every interface
   * @param port 0 for any free port
   */
  public static MetricsHttpServer start(
      String host, int port, PrometheusMeterRegistry registry, HealthCheck health) {
    return start(host, port, registry, health, () -> health.isHealthy() ? UP : DOWN);
  }

  /**
   * @param live whether the process works at all
   * @param ready whether it processes, and why not
   */
  public static MetricsHttpServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      HealthCheck live,
      ReadinessCheck ready) {
    return listen(host, port).serveMetrics(registry, live, ready);
  }

  /**
   * Listens before it serves anything (every path answers 404 until then), so that the address is
   * known before what it serves exists: the query API's address is part of the Kafka Streams
   * configuration.
   */
  public static MetricsHttpServer listen(String host, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      // Queries forwarded between instances wait on another instance's answer: more than one
      // thread.
      ExecutorService threads = Executors.newFixedThreadPool(4, daemonThreads());
      server.setExecutor(threads);
      server.start();
      return new MetricsHttpServer(server, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
    }
  }

  /** Serves /metrics and /health. */
  public MetricsHttpServer serveMetrics(
      PrometheusMeterRegistry registry, HealthCheck live, ReadinessCheck ready) {
    server.createContext(
        "/metrics",
        exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext(
        "/health/live",
        exchange -> {
          boolean up = live.isHealthy();
          respond(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "UP\n" : "DOWN\n");
        });
    // "/health" also matches every path below it that has no context of its own.
    server.createContext("/health", exchange -> respondReady(exchange, ready.verdict()));
    server.createContext("/health/ready", exchange -> respondReady(exchange, ready.verdict()));
    return this;
  }

  /** Serves {@code path} and every path below it with {@code handler}. */
  public void serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ecostream-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address and port it listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void respondReady(HttpExchange exchange, Readiness.Verdict verdict)
      throws IOException {
    String body =
        (verdict.ready() ? "UP" : "DOWN")
            + (verdict.reason().isEmpty() ? "" : " " + verdict.reason());
    respond(
        exchange,
        verdict.ready() ? 200 : 503,
        "text/plain; charset=utf-8",
        body.lines().findFirst().orElse("") + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static final Readiness.Verdict UP = new Readiness.Verdict(true, "");
  private static final Readiness.Verdict DOWN = new Readiness.Verdict(false, "");

  /** Whether the application is ready to process, and why not. */
  @FunctionalInterface
  public interface ReadinessCheck {
    Readiness.Verdict verdict();
  }

  /** Whether the application is in a state to serve. */
  @FunctionalInterface
  public interface HealthCheck {
    boolean isHealthy();
  }
}
