package org.faithbot.chatbot.scripture;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Json;
import org.faithbot.chatbot.support.Meters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The verse library: open, cacheable (Cache-Control, ETag, 304) and served from the in-process cache. */
class VerseApiTest extends ApiTest {

    @Autowired
    private MeterRegistry registry;

    @Test
    void theDailyVerseIsCacheableAndRevalidatesWith304() throws Exception {
        MvcResult daily = this.mvc.perform(get("/api/v1/verses/daily"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
            .andExpect(header().string(HttpHeaders.ETAG, matchesPattern("\"[0-9a-f]{32}\"")))
            .andExpect(jsonPath("$.date").isNotEmpty())
            .andExpect(jsonPath("$.verse.reference").isNotEmpty())
            .andExpect(jsonPath("$.verse.text").isNotEmpty())
            .andExpect(jsonPath("$.translation").value("KJV"))
            .andReturn();
        assertThat(Json.<String>read(daily, "$.topic")).isNotEqualTo("crisis");
        String etag = daily.getResponse().getHeader(HttpHeaders.ETAG);

        this.mvc.perform(get("/api/v1/verses/daily").header(HttpHeaders.IF_NONE_MATCH, etag))
            .andExpect(status().isNotModified())
            .andExpect(header().string(HttpHeaders.ETAG, etag))
            .andExpect(content().string(""));
        this.mvc.perform(get("/api/v1/verses/daily").header(HttpHeaders.IF_NONE_MATCH, "\"something-else\""))
            .andExpect(status().isOk());
    }

    @Test
    void versesByTopicComeFromTheCacheAndItsHitsAreCounted() throws Exception {
        double hits = Meters.count(this.registry, "cache.gets", "cache", "verses", "result", "hit");
        double misses = Meters.count(this.registry, "cache.gets", "cache", "verses", "result", "miss");
        for (int i = 0; i < 3; i++) {
            this.mvc.perform(get("/api/v1/verses").param("topic", "gratitude"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600, public"))
                .andExpect(jsonPath("$.topic").value("gratitude"))
                .andExpect(jsonPath("$.verses", hasSize(4)));
        }
        double newHits = Meters.count(this.registry, "cache.gets", "cache", "verses", "result", "hit") - hits;
        double newMisses = Meters.count(this.registry, "cache.gets", "cache", "verses", "result", "miss") - misses;
        assertThat(newHits + newMisses).isEqualTo(3);
        assertThat(newHits).isGreaterThanOrEqualTo(2);

        String prometheus = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(prometheus).containsPattern("cache_gets_total\\{[^}]*cache=\"verses\"[^}]*result=\"hit\"");
    }

    @Test
    void theWholeLibraryListsEveryTopic() throws Exception {
        this.mvc.perform(get("/api/v1/verses"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.topics", hasSize(9)))
            .andExpect(jsonPath("$.topics[0].topic").value("crisis"));
    }
}
