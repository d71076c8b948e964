package dev.atomic.server.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The operator's dashboard: plain HTML, JavaScript and CSS from the jar (no CDN, works offline), served under
 * {@code /dashboard/}. It reads the public API only: the decision stream, {@code /v1/decisions/{id}},
 * {@code /v1/stats} and {@code /v1/bidders}; its charts are small inline SVGs drawn by its own script.
 */
public final class Dashboard {

  /** Where the page is served. */
  public static final String PATH = "/dashboard";

  private Dashboard() {}

  public static void register(JavalinConfig config) {
    config.staticFiles.add(files -> {
      files.hostedPath = PATH;
      files.directory = "/dashboard";
      files.location = Location.CLASSPATH;
    });
  }
}
