package org.faithbot.chatbot.documents;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The help pages: the published documents as HTML, open to everyone and linked from the chat page. */
class HelpPageTest extends ApiTest {

    @Test
    void theUserGuideIsAnHtmlPageWithItsHeadingsLinksAndLandmarks() throws Exception {
        MvcResult guide = this.mvc.perform(get("/help/user-guide"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/html"))
            .andExpect(content().string(containsString("<html lang=\"en\">")))
            .andExpect(content().string(containsString("<title>Faithbot user guide · Faithbot</title>")))
            .andExpect(content().string(containsString("<main id=\"content\">")))
            .andExpect(content().string(containsString("<h1>Faithbot user guide</h1>")))
            .andExpect(content().string(containsString("<a href=\"/help/faq\">")))
            .andExpect(content().string(not(containsString("](")))) // every Markdown link rendered
            .andReturn();
        this.mvc.perform(get("/help/user-guide").header(HttpHeaders.IF_NONE_MATCH, guide.getResponse().getHeader(HttpHeaders.ETAG)))
            .andExpect(status().isNotModified());
    }

    @Test
    void everyPublishedDocumentHasAPageAndTheFaqItsTables() throws Exception {
        for (String id : DocumentLibrary.IDS) {
            this.mvc.perform(get("/help/" + id)).andExpect(status().isOk());
        }
        this.mvc.perform(get("/help/privacy-policy")).andExpect(content().string(containsString("<table>")));
    }

    @Test
    void anUnknownPageIsAProblem() throws Exception {
        this.mvc.perform(get("/help/no-such-page"))
            .andExpect(status().isNotFound())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("application/problem+json")));
    }

    @Test
    void theChatPageLinksTheHelpPages() throws Exception {
        this.mvc.perform(get("/"))
            .andExpect(content().string(containsString("href=\"/help/user-guide\"")))
            .andExpect(content().string(containsString("href=\"/help/faq\"")))
            .andExpect(content().string(containsString("href=\"/help/accessibility\"")));
    }
}
