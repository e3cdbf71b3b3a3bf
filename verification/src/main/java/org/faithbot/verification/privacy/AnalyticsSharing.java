package org.faithbot.verification.privacy;

import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;

import java.util.List;

/**
 * Which of a user's chat turns the service shared with its analytics partner (a "sharing" under CCPA): the service
 * writes each event it sends to the log {@code org.faithbot.chatbot.analytics}, under the request id of the chat turn
 * that emitted it; each turn is looked up in the log of the instance that served it (its X-Served-By). A turn whose
 * instance's log was not read cannot be shown not shared: it is counted apart, and never as not shared.
 */
public final class AnalyticsSharing {

    /** The analytics sink's line for an event sent to the partner. */
    public static final String EVENT = "analytics event ";

    /** The turns shared, those not, those that could not be checked, and the instances whose logs were read. */
    public record Result(List<ServiceApi.Exchange> shared, List<ServiceApi.Exchange> notShared, List<ServiceApi.Exchange> unchecked,
                         List<String> instancesRead) {

        public int turns() {
            return shared.size() + notShared.size() + unchecked.size();
        }

        /** How the turns were looked up, with each one's request id and outcome. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(turns()).append(" chat turns, each looked up by its X-Request-Id in the log of the instance that served it (logs of ")
                    .append(instancesRead).append(") for a line '").append(EVENT.strip()).append(" ...':");
            shared.forEach(t -> text.append(' ').append(t.requestId()).append(" on ").append(t.servedBy()).append(" shared;"));
            notShared.forEach(t -> text.append(' ').append(t.requestId()).append(" on ").append(t.servedBy()).append(" not shared;"));
            unchecked.forEach(t -> text.append(' ').append(t.requestId()).append(" on ").append(t.servedBy()).append(" not checkable (no log read);"));
            return text.toString();
        }

        /** The turns shared or not checkable, judged to be none. */
        public Figure noneShared(String metric, String conditions) {
            return Figure.of(metric, shared.size() + unchecked.size(), "turns").equalTo(0).when(conditions + "; " + describe());
        }
    }

    private AnalyticsSharing() {
    }

    public static Result of(LogSweep logs, List<ServiceApi.Exchange> turns) {
        List<ServiceApi.Exchange> unchecked = turns.stream()
                .filter(t -> t.requestId() == null || t.servedBy() == null || !logs.instances().contains(t.servedBy())).toList();
        List<ServiceApi.Exchange> shared = turns.stream().filter(t -> !unchecked.contains(t))
                .filter(t -> !logs.messages(t.servedBy(), t.requestId(), EVENT).isEmpty()).toList();
        List<ServiceApi.Exchange> notShared = turns.stream().filter(t -> !unchecked.contains(t) && !shared.contains(t)).toList();
        return new Result(shared, notShared, unchecked, List.copyOf(logs.instances()));
    }
}
