package org.faithbot.verification.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A line chart as inline SVG: time on x (UTC), the panel's unit on y from zero, a line per series with its legend,
 * gaps where samples are missing, the alarm's threshold as a dashed red line, and "no data" when there is nothing.
 */
final class SvgLineChart {

    /** A series to draw: its name and samples. */
    record Line(String name, List<PrometheusRange.Point> points) {
    }

    static final int WIDTH = 660;
    static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 34;
    private static final int TOP = 12;
    private static final int BOTTOM = 74;
    private static final String[] COLOURS = {"#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private SvgLineChart() {
    }

    static String render(List<Line> lines, Instant from, Instant to, Duration step, String unit, OptionalDouble threshold, String thresholdLabel,
                         String noDataReason) {
        double max = threshold.orElse(0);
        for (Line line : lines) {
            for (PrometheusRange.Point p : line.points()) {
                max = Math.max(max, p.value());
            }
        }
        double top = niceCeiling(max * 1.1);
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">");
        // y axis: five ticks from zero, with grid lines
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, number(value)));
        }
        // x axis: five time ticks
        for (int i = 0; i <= 4; i++) {
            double x = LEFT + plotWidth * i / 4.0;
            Instant at = from.plusMillis((long) (span * i / 4));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", x, TOP + plotHeight, x, TOP + plotHeight + 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, TOP + plotHeight + 16, CLOCK.format(at)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">time (UTC)</text>", LEFT + plotWidth / 2, TOP + plotHeight + 32));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
                TOP + plotHeight / 2, Html.escape(unit)));
        // the lines, broken where samples are missing for more than two steps
        long gap = Math.max(step.toMillis() * 2, 1);
        for (int s = 0; s < lines.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            Instant previous = null;
            for (PrometheusRange.Point p : lines.get(s).points()) {
                double x = LEFT + plotWidth * (p.at().toEpochMilli() - from.toEpochMilli()) / span;
                double y = TOP + plotHeight - plotHeight * Math.min(p.value(), top) / top;
                boolean jump = previous == null || p.at().toEpochMilli() - previous.toEpochMilli() > gap;
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", jump ? "M" : "L", x, y));
                previous = p.at();
            }
            svg.append("<path class=\"series\" data-series=\"").append(Html.escape(lines.get(s).name())).append("\" d=\"").append(path.toString().trim())
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"/>");
            int legendX = LEFT + (s % 3) * (plotWidth / 3);
            int legendY = TOP + plotHeight + 48 + (s / 3) * 13;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", legendX, legendY - 4, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", legendX + 14, legendY, Html.escape(shorten(lines.get(s).name()))));
        }
        if (threshold.isPresent()) {
            double y = TOP + plotHeight - plotHeight * threshold.getAsDouble() / top;
            svg.append(String.format(Locale.ROOT, "<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>",
                    LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#d62728\">%s</text>", LEFT + plotWidth - 4, y - 4,
                    Html.escape(thresholdLabel)));
        }
        if (lines.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"no-data\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"18\" fill=\"#888\" stroke=\"#fff\" stroke-width=\"5\" paint-order=\"stroke\">no data</text>",
                    LEFT + plotWidth / 2, TOP + plotHeight / 2));
            if (!noDataReason.isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#888\">%s</text>", LEFT + plotWidth / 2,
                        TOP + plotHeight / 2 + 18, Html.escape(shorten(noDataReason, 90))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code value} (1 when there is nothing). */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String shorten(String text) {
        return shorten(text, 34);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
