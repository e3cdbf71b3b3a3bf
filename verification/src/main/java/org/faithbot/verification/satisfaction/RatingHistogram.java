package org.faithbot.verification.satisfaction;

import org.faithbot.verification.security.RawHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's {@code chat_rating} histogram as its instances expose it on {@code /actuator/prometheus}, summed over
 * the instances: how many ratings were given and their sum (so their average).
 */
public record RatingHistogram(double count, double sum) {

    private static final Pattern COUNT = Pattern.compile("(?m)^chat_rating_count(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Pattern SUM = Pattern.compile("(?m)^chat_rating_sum(?:\\{[^}]*})? ([0-9.eE+-]+)$");

    public static RatingHistogram of(List<String> instanceUrls) {
        double count = 0;
        double sum = 0;
        for (String url : instanceUrls) {
            String metrics = scrape(url);
            count += value(COUNT.matcher(metrics));
            sum += value(SUM.matcher(metrics));
        }
        return new RatingHistogram(count, sum);
    }

    /** Parses one instance's exposition (tests). */
    static RatingHistogram parse(String metrics) {
        return new RatingHistogram(value(COUNT.matcher(metrics)), value(SUM.matcher(metrics)));
    }

    public RatingHistogram minus(RatingHistogram before) {
        return new RatingHistogram(count - before.count, sum - before.sum);
    }

    public double average() {
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double value(Matcher matcher) {
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String scrape(String instanceUrl) {
        try {
            RawHttpClient.Answer answer = new RawHttpClient(instanceUrl).send("GET /actuator/prometheus HTTP/1.1\r\nAccept: text/plain", null, null);
            if (answer.status() != 200) {
                throw new IllegalStateException(instanceUrl + "/actuator/prometheus answered " + answer.status());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
