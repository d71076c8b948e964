package dev.atomic.bench.routing;

/**
 * Expected calibration error: predictions are put into {@value #BINS} equal-width bins of believed probability, and the
 * gap between each bin's mean belief and its observed success rate is averaged, weighted by the bin's share.
 */
final class Calibration {

  static final int BINS = 10;

  private Calibration() {}

  static double expectedCalibrationError(double[] believed, double[] observed) {
    if (believed.length != observed.length) {
      throw new IllegalArgumentException("believed and observed differ in length: " + believed.length + " vs "
          + observed.length);
    }
    if (believed.length == 0) {
      return Double.NaN;
    }
    double[] sumBelief = new double[BINS];
    double[] sumObserved = new double[BINS];
    int[] count = new int[BINS];
    for (int i = 0; i < believed.length; i++) {
      double p = believed[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("belief " + i + " is " + p + ", outside [0, 1]");
      }
      int bin = Math.min((int) (p * BINS), BINS - 1);
      sumBelief[bin] += p;
      sumObserved[bin] += observed[i];
      count[bin]++;
    }
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        ece += Math.abs(sumBelief[b] - sumObserved[b]) / believed.length;
      }
    }
    return ece;
  }
}
