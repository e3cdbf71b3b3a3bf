package org.faithbot.chatbot.safety;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A kind of crisis language (e.g. {@code self-harm}, {@code abuse}): its keywords, its fixed safe reply and resources. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrisisCategory(String name, List<String> keywords, String reply, List<CrisisResource> resources) {

    public CrisisCategory {
        keywords = List.copyOf(keywords);
        resources = List.copyOf(resources);
    }
}
