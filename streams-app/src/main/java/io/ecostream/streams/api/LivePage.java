package io.ecostream.streams.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The live page at {@code /}: a static page ({@code web/} beside this class) that reads the query
 * API and the alert stream from the browser, and the charting library it draws with, from its
 * WebJar on the classpath (no CDN: the page works where the pipeline runs, offline too). {@code
 * /webjars/echarts/…} maps to whichever ECharts version the build bundles.
 */
public final class LivePage implements HttpHandler {

  private static final String PAGE_FOLDER = "web/";
  private static final String ECHARTS_PREFIX = "/webjars/echarts/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml");

  private final String echartsFolder;

  public LivePage() {
    this.echartsFolder = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        text(exchange, 405, "only GET is served\n");
        return;
      }
      InputStream resource = path.contains("..") ? null : resource(path);
      if (resource == null) {
        text(
            exchange,
            404,
            "no such page: " + path + " (the page is /, the API /api/openapi.json)\n");
        return;
      }
      try (resource) {
        byte[] body = resource.readAllBytes();
        exchange
            .getResponseHeaders()
            .set("Content-Type", TYPES.getOrDefault(extension(path), "application/octet-stream"));
        exchange
            .getResponseHeaders()
            .set("Cache-Control", path.startsWith(ECHARTS_PREFIX) ? "max-age=86400" : "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
    }
  }

  private InputStream resource(String path) {
    if (path.equals("/") || path.equals("/index.html")) {
      return LivePage.class.getResourceAsStream(PAGE_FOLDER + "index.html");
    }
    if (path.startsWith(ECHARTS_PREFIX)) {
      return LivePage.class
          .getClassLoader()
          .getResourceAsStream(echartsFolder + path.substring(ECHARTS_PREFIX.length()));
    }
    if (path.startsWith("/live/")) {
      return LivePage.class.getResourceAsStream(PAGE_FOLDER + path.substring("/live/".length()));
    }
    return null;
  }

  private static String extension(String path) {
    if (path.equals("/")) {
      return "html";
    }
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static void text(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String echartsVersion() {
    try (InputStream in =
        LivePage.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
