package org.faithbot.verification.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.faithbot.verification.signoff.SignOff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * summary.json: the verdict, its gate and blockers, the counts, and for each criterion its status, required level,
 * reason, the scenarios that ran (with their level) and those written for the target, every record of evidence
 * (level, passed, recordedAt, commit), its sign-off items and its waiver. A merge reads it back (merge.RunFolder).
 */
public final class SummaryJson {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static String write(LaunchSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", summary.target());
        json.put("commit", summary.commit());
        json.put("generatedAt", summary.generatedAt());
        json.put("gate", summary.gate().gate());
        json.put("verdict", summary.gate().verdict());
        json.put("blockers", summary.gate().blockers());
        json.put("waivers", summary.waivers());
        json.put("sources", summary.sources());
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        summary.counts().forEach((status, n) -> byStatus.put(status.name(), n));
        counts.put("byStatus", byStatus);
        counts.put("byRequiredLevel", summary.countsByRequiredLevel());
        counts.put("evidenceByLevel", summary.evidenceByLevel());
        json.put("counts", counts);
        json.put("unknownCriterionTags", summary.coverage().unknownCriterionTags());
        LocalDate day = summary.generatedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        json.put("criteria", summary.results().stream().map(r -> criterion(r, summary.target(), day)).toList());
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> criterion(CriterionResult r, String target, LocalDate day) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", r.criterion().id());
        c.put("group", r.criterion().groupId());
        c.put("groupTitle", r.criterion().groupTitle());
        c.put("title", r.criterion().title());
        c.put("target", r.criterion().target());
        c.put("status", r.status().name());
        c.put("requiredLevel", r.criterion().level().word());
        c.put("why", r.criterion().why());
        c.put("shownAt", r.shownAt() == null ? null : r.shownAt().word());
        c.put("reason", r.reason());
        c.put("scenariosWritten", r.scenariosWritten());
        c.put("scenariosForTarget", r.scenariosForTarget());
        c.put("scenariosRun", r.scenariosRun());
        c.put("scenarios", r.scenarios().stream().map(o -> Map.of("name", o.name(), "status", o.status(), "level", o.level(target).word())).toList());
        c.put("expectedScenarios", r.expectedScenarios());
        c.put("evidence", r.evidence());
        c.put("failures", r.failures());
        c.put("signOffs", r.signOffs().stream().map(s -> signOff(s, day)).toList());
        c.put("waiver", r.waiver());
        return c;
    }

    private static Map<String, Object> signOff(SignOff s, LocalDate day) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", s.item());
        m.put("role", s.role());
        m.put("name", s.name());
        m.put("date", s.date());
        m.put("expiry", s.expiry());
        m.put("record", s.record());
        m.put("state", s.stateOn(day).name());
        return m;
    }
}
