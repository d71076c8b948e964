package dev.atomic.bench.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The cost-quality plane of routers, as RouterBench measures it: a router's operating points, their non-decreasing
 * convex hull (what a router can reach by mixing its operating points at random), and AIQ, the area under that hull over
 * a cost range divided by the range.
 */
final class CostQuality {

  /** One operating point: mean cost per prompt and accuracy. */
  record Point(double cost, double accuracy) {
    Point {
      if (!(cost >= 0) || Double.isInfinite(cost) || !(accuracy >= 0 && accuracy <= 1)) {
        throw new IllegalArgumentException("a point needs cost >= 0 and accuracy in [0, 1], was (" + cost + ", "
            + accuracy + ")");
      }
    }
  }

  private CostQuality() {}

  /**
   * The non-decreasing convex hull: starting from the cheapest point, the upper concave envelope, cut at its most
   * accurate point (spending more than that buys nothing). Points are returned by increasing cost.
   */
  static List<Point> hull(List<Point> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a hull needs at least one point");
    }
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(Comparator.comparingDouble(Point::accuracy)
        .reversed()));
    List<Point> upper = new ArrayList<>();
    for (Point p : sorted) {
      if (!upper.isEmpty() && upper.getLast().cost() == p.cost()) {
        continue; // same cost, lower accuracy: never on the upper envelope
      }
      while (upper.size() >= 2 && !turnsRight(upper.get(upper.size() - 2), upper.getLast(), p)) {
        upper.removeLast();
      }
      upper.add(p);
    }
    int best = 0;
    for (int i = 1; i < upper.size(); i++) {
      if (upper.get(i).accuracy() > upper.get(best).accuracy()) {
        best = i;
      }
    }
    return List.copyOf(upper.subList(0, best + 1));
  }

  /** Whether a → b → c turns clockwise, so b is strictly above the chord from a to c. */
  private static boolean turnsRight(Point a, Point b, Point c) {
    double cross = (b.cost() - a.cost()) * (c.accuracy() - a.accuracy())
        - (b.accuracy() - a.accuracy()) * (c.cost() - a.cost());
    return cross < 0;
  }

  /**
   * The hull's accuracy at a cost: linear between hull points, flat after the last one, and 0 below the first (a router
   * cannot operate cheaper than its cheapest point).
   */
  static double accuracyAt(List<Point> hull, double cost) {
    if (cost < hull.getFirst().cost()) {
      return 0;
    }
    for (int i = 1; i < hull.size(); i++) {
      Point a = hull.get(i - 1);
      Point b = hull.get(i);
      if (cost <= b.cost()) {
        return a.accuracy() + (b.accuracy() - a.accuracy()) * (cost - a.cost()) / (b.cost() - a.cost());
      }
    }
    return hull.getLast().accuracy();
  }

  /** AIQ: the hull's mean accuracy over [{@code from}, {@code to}] (the exact integral of the piecewise-linear hull). */
  static double aiq(List<Point> hull, double from, double to) {
    if (!(to > from)) {
      throw new IllegalArgumentException("AIQ needs a cost range with to > from, was [" + from + ", " + to + "]");
    }
    List<Double> knots = new ArrayList<>();
    knots.add(from);
    for (Point p : hull) {
      if (p.cost() > from && p.cost() < to) {
        knots.add(p.cost());
      }
    }
    knots.add(to);
    double area = 0;
    for (int i = 1; i < knots.size(); i++) {
      double a = knots.get(i - 1);
      double b = knots.get(i);
      if (b <= hull.getFirst().cost()) {
        continue; // below the router's cheapest point it answers nothing
      }
      double left = accuracyAt(hull, a);
      area += (left + accuracyAt(hull, b)) / 2 * (b - a);
    }
    return area / (to - from);
  }

  /** The cheapest cost at which the hull reaches the accuracy, or empty when it never does. */
  static OptionalDouble costToReach(List<Point> hull, double accuracy) {
    if (hull.getFirst().accuracy() >= accuracy) {
      return OptionalDouble.of(hull.getFirst().cost());
    }
    for (int i = 1; i < hull.size(); i++) {
      Point a = hull.get(i - 1);
      Point b = hull.get(i);
      if (b.accuracy() >= accuracy) {
        return OptionalDouble.of(a.cost() + (b.cost() - a.cost()) * (accuracy - a.accuracy())
            / (b.accuracy() - a.accuracy()));
      }
    }
    return OptionalDouble.empty();
  }

  /** The cheapest measured point that reaches the accuracy (no mixing), or empty. */
  static OptionalDouble cheapestMeasured(List<Point> points, double accuracy) {
    return points.stream().filter(p -> p.accuracy() >= accuracy).mapToDouble(Point::cost).min();
  }
}
