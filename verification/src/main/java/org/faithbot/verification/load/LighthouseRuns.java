package org.faithbot.verification.load;

import org.faithbot.verification.browser.Lighthouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Several Lighthouse runs of one page on one profile: their medians, the median run, and the figures in words. */
public record LighthouseRuns(Lighthouse.Profile profile, String url, List<Lighthouse.Run> runs) {

    public static LighthouseRuns measure(Lighthouse lighthouse, String url, Lighthouse.Profile profile, String name, int times) {
        List<Lighthouse.Run> runs = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            runs.add(lighthouse.run(url, profile, name + "-" + i));
        }
        return new LighthouseRuns(profile, url, List.copyOf(runs));
    }

    /** The median of one figure over the runs (the middle one; of an even count, the upper middle). */
    public double median(ToDoubleFunction<Lighthouse.Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    /** The run whose largest contentful paint is the median: its reports are the ones attached. */
    public Lighthouse.Run medianRun() {
        List<Lighthouse.Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Lighthouse.Run::largestContentfulPaintMillis)).toList();
        return sorted.get(sorted.size() / 2);
    }

    public int retries() {
        return runs.stream().mapToInt(Lighthouse.Run::retries).sum();
    }

    public String describe() {
        return runs.stream().map(r -> String.format(Locale.ROOT, "LCP %.0f ms, TTI %.0f ms, FCP %.0f ms, speed index %.0f ms, TBT %.0f ms, retries %d (%s)",
                r.largestContentfulPaintMillis(), r.timeToInteractiveMillis(), r.firstContentfulPaintMillis(), r.speedIndexMillis(),
                r.totalBlockingTimeMillis(), r.retries(), r.jsonReport().getFileName())).collect(Collectors.joining("\n"));
    }

    /** The conditions of the figures: tool, profile, page, every run's figures, retries, where the reports are. */
    public String conditions(String target) {
        return String.format(Locale.ROOT, "Lighthouse 12.2.3 (performance category, simulated throttling) on headless Chromium, %s, cold load of %s"
                        + " on the %s target; runs (LCP/TTI ms): %s; %d retries after a lost trace; reports %s",
                profile.name(), url, target, runs.stream().map(r -> String.format(Locale.ROOT, "%.0f/%.0f", r.largestContentfulPaintMillis(),
                        r.timeToInteractiveMillis())).collect(Collectors.joining(", ")), retries(),
                runs.getFirst().jsonReport().getParent());
    }
}
