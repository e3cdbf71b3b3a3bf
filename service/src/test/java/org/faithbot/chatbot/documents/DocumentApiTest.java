package org.faithbot.chatbot.documents;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The published documents: open to everyone, versioned, cacheable. */
class DocumentApiTest extends ApiTest {

    @Test
    void listsThePublishedDocumentsWithTheirVersions() throws Exception {
        this.mvc.perform(get("/api/v1/documents"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(6)))
            .andExpect(jsonPath("$[0].id").value("privacy-policy"))
            .andExpect(jsonPath("$[0].version").value("2026-11-01"))
            .andExpect(jsonPath("$[2].id").value("community-guidelines"));
    }

    @Test
    void theCommunityGuidelinesStateTheStandardsTheServiceApplies() throws Exception {
        MvcResult guidelines = this.mvc.perform(get("/api/v1/documents/community-guidelines"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("Community guidelines for prayer connect"))
            .andExpect(jsonPath("$.markdown").value(containsString("within 24 hours")))
            .andExpect(jsonPath("$.markdown").value(containsString("three people is hidden")))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600, public"))
            .andReturn();
        this.mvc.perform(get("/api/v1/documents/community-guidelines")
                .header(HttpHeaders.IF_NONE_MATCH, guidelines.getResponse().getHeader(HttpHeaders.ETAG)))
            .andExpect(status().isNotModified());
    }

    @Test
    void thePrivacyPolicyDescribesWhatTheServiceHoldsAndTheRights() throws Exception {
        this.mvc.perform(get("/api/v1/documents/privacy-policy").accept("text/markdown"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/markdown;charset=UTF-8"))
            .andExpect(content().string(containsString("GET /api/v1/me/export")))
            .andExpect(content().string(containsString("DELETE /api/v1/me")))
            .andExpect(content().string(containsString("sale-sharing-opt-out")))
            .andExpect(content().string(containsString("365 days")))
            .andExpect(content().string(containsString("Sec-GPC")));
        this.mvc.perform(get("/api/v1/documents/terms-of-service"))
            .andExpect(jsonPath("$.markdown").value(containsString("988")));
    }

    @Test
    void theDocumentsStateTheConfiguredRetentionAndStandards() {
        DocumentLibrary library = DocumentLibrary.loadDefault();
        assertThat(library.get(DocumentLibrary.PRIVACY_POLICY).markdown()).contains("180 days", "24 hours", "6 years");
        assertThat(library.get(DocumentLibrary.COMMUNITY_GUIDELINES).markdown()).contains("15 minutes");
    }
}
