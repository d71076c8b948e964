package dev.atomic.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the cost-quality plane as a small SVG: cost per 1,000 prompts on a log axis, accuracy on a linear one, each
 * router a labelled point or a line through its operating points.
 */
final class CostQualityChart {

  /** A named set of points, drawn as a polyline when {@code line} (sorted by cost), else as dots. */
  record Series(String name, String colour, List<CostQuality.Point> points, boolean line, boolean labelPoints,
      List<String> labels) {}

  private static final int WIDTH = 1060;
  private static final int HEIGHT = 560;
  private static final int LEFT = 70;
  private static final int RIGHT = 380;
  private static final int TOP = 30;
  private static final int BOTTOM = 60;

  private final List<Series> series = new ArrayList<>();
  private final double minCost;
  private final double maxCost;
  private final double minAccuracy;
  private final double maxAccuracy;

  CostQualityChart(double minCostPer1k, double maxCostPer1k, double minAccuracy, double maxAccuracy) {
    this.minCost = minCostPer1k;
    this.maxCost = maxCostPer1k;
    this.minAccuracy = minAccuracy;
    this.maxAccuracy = maxAccuracy;
  }

  CostQualityChart add(Series s) {
    series.add(s);
    return this;
  }

  private double x(double costPerPrompt) {
    double c = Math.clamp(costPerPrompt * 1000, minCost, maxCost);
    return LEFT + (Math.log(c) - Math.log(minCost)) / (Math.log(maxCost) - Math.log(minCost))
        * (WIDTH - LEFT - RIGHT);
  }

  private double y(double accuracy) {
    double a = Math.clamp(accuracy, minAccuracy, maxAccuracy);
    return TOP + (maxAccuracy - a) / (maxAccuracy - minAccuracy) * (HEIGHT - TOP - BOTTOM);
  }

  String svg() {
    StringBuilder out = new StringBuilder();
    out.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
        + "font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    for (double c : new double[] {0.05, 0.1, 0.2, 0.5, 1, 2, 5}) {
      if (c < minCost || c > maxCost) {
        continue;
      }
      double px = x(c / 1000);
      out.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", px, TOP, px, HEIGHT - BOTTOM));
      out.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">$%s</text>%n", px, HEIGHT - BOTTOM + 16,
          c < 1 ? String.valueOf(c) : String.valueOf((int) c)));
    }
    for (double a = Math.ceil(minAccuracy * 20) / 20; a <= maxAccuracy + 1e-9; a += 0.05) {
      double py = y(a);
      out.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", LEFT, py, WIDTH - RIGHT, py));
      out.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n", LEFT - 6, py + 4, a));
    }
    out.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cost per 1,000 prompts (USD, log scale)</text>%n",
        (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 20));
    out.append(f("<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">accuracy</text>%n",
        (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2));
    int legend = TOP;
    for (Series s : series) {
      List<CostQuality.Point> pts = new ArrayList<>(s.points());
      if (s.line()) {
        pts.sort(java.util.Comparator.comparingDouble(CostQuality.Point::cost));
        StringBuilder path = new StringBuilder();
        for (CostQuality.Point p : pts) {
          path.append(f("%.1f,%.1f ", x(p.cost()), y(p.accuracy())));
        }
        out.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
            path.toString().strip(), s.colour()));
      }
      for (int i = 0; i < s.points().size(); i++) {
        CostQuality.Point p = s.points().get(i);
        out.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", x(p.cost()), y(p.accuracy()),
            s.colour()));
        if (s.labelPoints() && i < s.labels().size()) {
          out.append(f("<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"9\">%s</text>%n", x(p.cost()) + 5,
              y(p.accuracy()) - 4, s.colour(), escape(s.labels().get(i))));
        }
      }
      out.append(f("<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
          WIDTH - RIGHT + 16, legend + 8, s.colour(), WIDTH - RIGHT + 26, legend + 12, escape(s.name())));
      legend += 18;
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
