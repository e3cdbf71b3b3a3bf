package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Optional;

import org.faithbot.chatbot.documents.DocumentLibrary;

/**
 * A purpose a user consents to, the document that describes it (the consent's version must be that
 * document's current version) and whether registration requires it.
 */
public record ConsentPurpose(String name, String document, boolean required) {

    public static final String TERMS_OF_SERVICE = "terms-of-service";

    public static final String PRIVACY_POLICY = "privacy-policy";

    public static final String ANALYTICS = "analytics";

    public static final List<ConsentPurpose> ALL = List.of(
            new ConsentPurpose(TERMS_OF_SERVICE, DocumentLibrary.TERMS_OF_SERVICE, true),
            new ConsentPurpose(PRIVACY_POLICY, DocumentLibrary.PRIVACY_POLICY, true),
            new ConsentPurpose(ANALYTICS, DocumentLibrary.PRIVACY_POLICY, false));

    public static Optional<ConsentPurpose> named(String name) {
        return ALL.stream().filter(purpose -> purpose.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ConsentPurpose::name).toList();
    }
}
