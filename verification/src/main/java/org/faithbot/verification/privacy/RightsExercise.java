package org.faithbot.verification.privacy;

import io.restassured.response.Response;
import org.faithbot.verification.http.ServiceApi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rights the privacy policy's record lists (its {@code rights:} block: a right and the endpoint that serves it),
 * each exercised through that endpoint by one member who registered with analytics consent and chatted, and each
 * judged by what the service shows afterwards: the export holds her words; the consent she withdrew is withdrawn;
 * the opt-out is recorded; the audit trail lists what she did; after erasure the export no longer holds her words.
 * Erasure goes last. A right whose endpoint the harness does not know how to exercise fails, named.
 */
public final class RightsExercise {

    /** One right: what the record says, whether it worked, and what showed it. */
    public record Exercised(String right, String endpoint, boolean works, String shown) {
    }

    private RightsExercise() {
    }

    /** @param rights each right's name and endpoint ({@code METHOD /path}), as the policy's record lists them */
    public static List<Exercised> exercise(ServiceApi api, String token, List<Map.Entry<String, String>> rights) {
        String note = UUID.randomUUID().toString().substring(0, 8);
        PrivacyAccount account = new PrivacyAccount(api, token, note);
        account.register(true);
        account.chat(2, false);
        List<Exercised> exercised = new ArrayList<>();
        List<Map.Entry<String, String>> ordered = rights.stream()
                .sorted(Comparator.comparing(r -> r.getValue().startsWith("DELETE ") ? 1 : 0)).toList();
        for (Map.Entry<String, String> right : ordered) {
            exercised.add(exercise(api, token, account, note, right.getKey(), right.getValue().strip()));
        }
        return exercised;
    }

    private static Exercised exercise(ServiceApi api, String token, PrivacyAccount account, String note, String right, String endpoint) {
        return switch (endpoint) {
            case "GET /api/v1/me/export" -> {
                String export = api.export(token).asString();
                yield new Exercised(right, endpoint, export.contains(note), "the export " + (export.contains(note) ? "holds" : "lacks")
                        + " her messages (note " + note + ")");
            }
            case "PUT /api/v1/me/consents" -> {
                account.consentToAnalytics(false);
                Response consents = api.consents(token);
                Object granted = consents.jsonPath().get("consents.find { it.purpose == 'analytics' }.granted");
                yield new Exercised(right, endpoint, Boolean.FALSE.equals(granted), "analytics consent after withdrawal: granted = " + granted);
            }
            case "PUT /api/v1/me/privacy/sale-sharing-opt-out" -> {
                account.optOut();
                yield new Exercised(right, endpoint, true, "the opt-out recorded (the service answered optOut: true)");
            }
            case "GET /api/v1/me/privacy/audit" -> {
                List<Map<String, Object>> entries = account.auditEntries();
                List<Object> actions = entries.stream().map(e -> e.get("action")).toList();
                yield new Exercised(right, endpoint, !entries.isEmpty(), entries.size() + " audit entries: " + actions);
            }
            case "DELETE /api/v1/me" -> {
                int status = api.erase(token).statusCode();
                String export = api.export(token).asString();
                boolean gone = !export.contains(note);
                yield new Exercised(right, endpoint, status == 200 && gone, "erasure answered " + status + "; the export then "
                        + (gone ? "holds none of her messages" : "still holds her messages"));
            }
            default -> new Exercised(right, endpoint, false, "no way known to exercise this endpoint: the record names an endpoint the harness "
                    + "cannot check (add it here, or correct the record)");
        };
    }
}
