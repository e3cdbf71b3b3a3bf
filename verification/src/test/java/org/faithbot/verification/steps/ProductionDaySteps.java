package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.qameta.allure.Allure;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.DayFigures;
import org.faithbot.verification.load.NotMeasurable;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a production day is judged by beyond the load's own figures ({@link DayFigures}): the daily active members the
 * service counted, the prayer flow, every request's latency, the members' data afterwards, the probe's availability.
 * The day itself is named by the performance steps' Given, which this class reads.
 */
public class ProductionDaySteps {

    private final ScenarioContext context;
    private final PerformanceSteps performance;

    public ProductionDaySteps(ScenarioContext context, PerformanceSteps performance) {
        this.context = context;
        this.performance = performance;
    }

    private DayFigures day() {
        return new DayFigures(performance.load(), context.target(), performance.conditions());
    }

    @Then("the service counted at least {int} daily active members")
    public void dailyActiveMembers(int threshold) {
        List<Figure> members = measurable(() -> day().activeMembers(threshold));
        performance.requireTheRequiredDay(members);
        assertEach(record("day.members", members), "");
    }

    @Then("at least {int} prayer requests were submitted, claimed and answered over the day")
    public void prayerRequestsWorked(int threshold) {
        assertEach(record("day.prayers", measurable(() -> day().prayers(threshold))), "");
    }

    @Then("95 % of all requests of the day were answered within {int} ms")
    public void allRequestsWithin(int thresholdMillis) {
        assertEach(record("day.all-requests", day().allRequests(thresholdMillis)), "");
    }

    @Then("each sampled member's export holds what they sent, and nothing of those who erased their account")
    public void sampledExports() {
        DayFigures.ExportCheck check = day().exports();
        if (!check.problems().isEmpty()) {
            Allure.addAttachment("exports: what was missing or left", "text/plain", String.join("\n", check.problems()));
        }
        assertEach(record("day.exports", check.figures()), check.problems().isEmpty() ? "" : ": " + check.problems().getFirst());
    }

    @Then("what each table stores after the day is reported, with the storage per member")
    public void storageReported() {
        assertEach(record("day.storage", day().storage()), "");
    }

    @Then("the CDN served more than {int} % of the day's page and asset requests from its cache")
    public void cdnHitRatio(int thresholdPercent) {
        assertEach(record("day.cdn", measurable(() -> day().cdnHitRatio(thresholdPercent))), "");
    }

    @Then("the availability the steady-state probe saw over the day is reported")
    public void probeAvailability() {
        assertEach(record("day.availability", day().probeAvailability()), "");
    }

    private <T> T measurable(Supplier<T> measurement) {
        try {
            return measurement.get();
        } catch (NotMeasurable e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    private List<Evidence> record(String key, List<Figure> figures) {
        List<Evidence> records = new ArrayList<>();
        figures.forEach(figure -> records.addAll(context.evidence().record(key, figure)));
        return records;
    }

    private void assertEach(List<Evidence> records, String detail) {
        records.forEach(r -> Assertions.assertThat(r.passed()).as(r.describe() + detail).isTrue());
    }
}
