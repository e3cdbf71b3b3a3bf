package org.faithbot.verification.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

/**
 * An open-model ladder of arrival rates, each held for a while, with short ramps in between, and
 * the judgement of each level against the SLOs (p95 below the limit, errors below the budget, the
 * offered rate actually sent). Every arriving user sends one request; the ladder times it itself, by
 * the level it was sent in (requests sent during a ramp belong to no level). When a level breaks
 * the SLOs (or requests pile up: more waiting than {@link #BACKLOG_SECONDS} seconds of arrivals),
 * the load generator is stopped (when {@code stopWhenBroken}): the next levels would only pile up more.
 *
 * <p>One level is the sustained-throughput test (NFR-PERF-3); many are the capacity search.
 */
public final class RateLadder {

    /** Requests waiting for longer than this many seconds' worth of arrivals: the level is saturated. */
    static final double BACKLOG_SECONDS = 3.0;
    private static final Duration RAMP = Duration.ofSeconds(2);

    private final List<Double> rates;
    private final Duration levelLength;
    private final Duration rampIn;
    private final double sloP95Millis;
    private final double sloErrorPercent;
    private final boolean stopWhenBroken;
    private final Level[] levels;
    private final AtomicLong origin = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder done = new LongAdder();
    private volatile String stopReason;
    private Thread judge;

    public RateLadder(List<Double> rates, Duration levelLength, Duration rampIn, double sloP95Millis, double sloErrorPercent,
                      boolean stopWhenBroken) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one rate");
        }
        this.rates = List.copyOf(rates);
        this.levelLength = levelLength;
        this.rampIn = rampIn;
        this.sloP95Millis = sloP95Millis;
        this.sloErrorPercent = sloErrorPercent;
        this.stopWhenBroken = stopWhenBroken;
        this.levels = new Level[rates.size()];
        long offset = rampIn.toMillis();
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new Level(rates.get(i), offset, offset + levelLength.toMillis());
            offset += levelLength.toMillis() + RAMP.toMillis();
        }
    }

    /** The injection profile: a ramp in to the first rate, then each rate held, with a short ramp between two. */
    public List<OpenInjectionStep> injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!rampIn.isZero()) {
            steps.add(rampUsersPerSec(1).to(rates.getFirst()).during(rampIn));
        }
        for (int i = 0; i < rates.size(); i++) {
            if (i > 0) {
                steps.add(rampUsersPerSec(rates.get(i - 1)).to(rates.get(i)).during(RAMP));
            }
            steps.add(constantUsersPerSec(rates.get(i)).during(levelLength));
        }
        return steps;
    }

    public Duration totalLength() {
        return rampIn.plus(levelLength.multipliedBy(rates.size())).plus(RAMP.multipliedBy(rates.size() - 1L));
    }

    /** The request, timed and attributed to its level; stops the load generator once a level broke the SLOs. */
    public ChainBuilder measured(ChainBuilder request) {
        return exec(session -> session.set("ladder.sentAt", sent(System.nanoTime())))
                .exec(request)
                .exec(session -> {
                    answered(session.getLong("ladder.sentAt"), System.nanoTime(), !session.isFailed());
                    return session;
                })
                .exec(stopLoadGeneratorIf(session -> "the capacity search ends: " + stopReason, session -> stopWhenBroken && stopReason != null));
    }

    /** A request leaves at {@code now} (System.nanoTime()); the first one starts the ladder's clock. */
    long sent(long now) {
        origin.compareAndSet(0, now);
        sent.increment();
        Level level = levelAt(now);
        if (level != null) {
            level.sent();
        }
        return now;
    }

    /** The answer to the request sent at {@code sentAt} came at {@code now}. */
    void answered(long sentAt, long now, boolean ok) {
        Level level = levelAt(sentAt);
        if (level != null) {
            level.record(now - sentAt, ok);
        }
        done.increment();
    }

    /** The rung a request sent at this instant belongs to (none during a ramp). */
    private Level levelAt(long sentAt) {
        long at = TimeUnit.NANOSECONDS.toMillis(sentAt - origin.get());
        for (Level level : levels) {
            if (at >= level.from && at < level.to) {
                return level;
            }
        }
        return null;
    }

    /** Starts judging levels as they end (call from the simulation's before()). */
    public void startJudging() {
        judge = Thread.ofPlatform().daemon().name("rate-ladder-judge").start(() -> {
            while (stopReason == null && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                judgeNow(false);
            }
        });
    }

    private synchronized void judgeNow(boolean finalJudgement) {
        long start = origin.get();
        if (start == 0) {
            return;
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Level current = null;
        for (Level level : levels) {
            if (elapsed >= level.from && elapsed < level.to + RAMP.toMillis()) {
                current = level;
            }
        }
        long waiting = sent.sum() - done.sum();
        if (!finalJudgement && current != null && waiting > Math.max(20, current.rate * BACKLOG_SECONDS)) {
            current.broken("saturated: " + waiting + " requests waiting for an answer");
            stopReason = String.format("%.0f/s saturated the target (%d requests waiting)", current.rate, waiting);
            return;
        }
        for (Level level : levels) {
            boolean over = elapsed >= level.to;
            // judged once every request sent on the rung has its answer (or timed out: Gatling's request timeout is 30 s)
            boolean settled = level.completedAll() || elapsed >= level.to + 35_000 || finalJudgement;
            if (level.verdict == null && over && settled) {
                level.judge(levelLength, sloP95Millis, sloErrorPercent);
                if (level.isBroken() && stopReason == null) {
                    stopReason = String.format("%.0f/s broke the SLOs: %s", level.rate, level.reason);
                }
            }
        }
    }

    /** The levels and the highest rate sustained within the SLOs (every lower level held too), as JSON-ready data. */
    public synchronized Map<String, Object> results() {
        if (judge != null) {
            judge.interrupt();
        }
        judgeNow(true);
        for (Level level : levels) {
            if (level.verdict == null) {
                level.notReached();
            } else if ("passed".equals(level.verdict)) {
                level.judge(levelLength, sloP95Millis, sloErrorPercent); // with the answers that came after the first judgement
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        double highest = 0;
        boolean holding = true;
        for (Level level : levels) {
            list.add(level.toMap(levelLength));
            if (holding && "passed".equals(level.verdict)) {
                highest = level.rate;
            } else {
                holding = false;
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("levelSeconds", levelLength.toSeconds());
        map.put("sloP95Millis", sloP95Millis);
        map.put("sloErrorPercent", sloErrorPercent);
        map.put("highestSustainedRate", highest);
        map.put("stopReason", stopReason);
        map.put("levels", list);
        return map;
    }

    private static final class Level {
        final double rate;
        final long from;
        final long to;
        final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        long ok;
        long ko;
        long recorded;
        long sentCount;
        String verdict;
        String reason;

        Level(double rate, long from, long to) {
            this.rate = rate;
            this.from = from;
            this.to = to;
        }

        synchronized void record(long nanos, boolean success) {
            latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos))));
            recorded++;
            if (success) {
                ok++;
            } else {
                ko++;
            }
        }

        synchronized void sent() {
            sentCount++;
        }

        synchronized boolean completedAll() {
            return sentCount > 0 && recorded >= sentCount;
        }

        synchronized void notReached() {
            verdict = "not reached";
            reason = recorded == 0 ? "the load stopped before this rung" : "the load stopped during this rung";
        }

        synchronized void broken(String why) {
            verdict = "broken";
            reason = why;
        }

        boolean isBroken() {
            return "broken".equals(verdict);
        }

        synchronized void judge(Duration length, double sloP95Millis, double sloErrorPercent) {
            if (recorded == 0) {
                verdict = "not reached";
                reason = "no request was sent at this level";
                return;
            }
            double p95 = latency.getValueAtPercentile(95) / 1000.0;
            double errorPercent = 100.0 * ko / recorded;
            double achieved = recorded / (double) length.toSeconds();
            List<String> why = new ArrayList<>();
            if (p95 >= sloP95Millis) {
                why.add(String.format("p95 %.0f ms >= %.0f ms", p95, sloP95Millis));
            }
            if (errorPercent >= sloErrorPercent) {
                why.add(String.format("errors %.3f %% >= %.3f %%", errorPercent, sloErrorPercent));
            }
            if (achieved < rate * 0.9) {
                why.add(String.format("only %.0f/s of %.0f/s answered within the level", achieved, rate));
            }
            verdict = why.isEmpty() ? "passed" : "broken";
            reason = why.isEmpty() ? null : String.join("; ", why);
        }

        synchronized Map<String, Object> toMap(Duration length) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rate", rate);
            map.put("requests", recorded);
            map.put("ok", ok);
            map.put("ko", ko);
            map.put("achievedRate", recorded / (double) length.toSeconds());
            map.put("okPerSecond", ok / (double) length.toSeconds());
            map.put("errorPercent", recorded == 0 ? 0 : 100.0 * ko / recorded);
            map.put("p50Millis", latency.getValueAtPercentile(50) / 1000.0);
            map.put("p95Millis", latency.getValueAtPercentile(95) / 1000.0);
            map.put("p99Millis", latency.getValueAtPercentile(99) / 1000.0);
            map.put("maxMillis", latency.getMaxValue() / 1000.0);
            map.put("verdict", verdict == null ? "not judged" : verdict);
            map.put("reason", reason);
            return map;
        }
    }
}
