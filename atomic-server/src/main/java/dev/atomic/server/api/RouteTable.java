package dev.atomic.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** Registers routes with Javalin and remembers each, so the OpenAPI test can hold the document to them. */
final class RouteTable {

  private final RoutesConfig routes;
  private final List<Api.Route> registered = new ArrayList<>();

  RouteTable(RoutesConfig routes) {
    this.routes = routes;
  }

  void get(String path, Handler handler) {
    add(HandlerType.GET, path, handler);
  }

  void post(String path, Handler handler) {
    add(HandlerType.POST, path, handler);
  }

  void add(HandlerType method, String path, Handler handler) {
    routes.addHttpHandler(method, path, handler);
    registered.add(new Api.Route(method.name(), path));
  }

  /** A route registered by other means (the event stream). */
  void note(String method, String path) {
    registered.add(new Api.Route(method, path));
  }

  RoutesConfig javalin() {
    return routes;
  }

  List<Api.Route> registered() {
    return List.copyOf(registered);
  }
}
