package org.faithbot.chatbot.system.web;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.system.security.SecurityHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The shape a request must have, rule by rule, and the security headers written outside the chain equal the chain's. */
class RequestShapeTest extends ApiTest {

    @Test
    void queryStringsAreWellFormedPercentEncodingsOfUtf8WithNamedParameters() {
        assertThat(RequestShape.queryProblem("limit=5&cursor=abc%2B%C3%A9")).isEmpty();
        assertThat(RequestShape.queryProblem("a&&b=&c=1+2")).isEmpty();
        assertThat(RequestShape.queryProblem("cursor=%ED%A0%80")).hasValue("a percent-encoding does not decode as UTF-8");
        assertThat(RequestShape.queryProblem("x=%ZZ")).hasValue("a '%' is not followed by two hexadecimal digits");
        assertThat(RequestShape.queryProblem("x=%4")).hasValue("a '%' is not followed by two hexadecimal digits");
        assertThat(RequestShape.queryProblem("&&&=&limit")).hasValue("a parameter has a value but no name");
    }

    @Test
    void headerValuesMayHoldLatin1ButNoControlCharacter() {
        assertThat(RequestShape.hasControlCharacter("gzip, deflate\tbr")).isFalse();
        assertThat(RequestShape.hasControlCharacter("caf\u00e9")).isFalse();
        assertThat(RequestShape.hasControlCharacter("gzip\u0085")).isTrue();
        assertThat(RequestShape.hasControlCharacter("key-\u00f0\u009f\u0099\u008f")).as("an emoji's UTF-8 bytes read as Latin-1").isTrue();
        assertThat(RequestShape.hasControlCharacter("a\u0001")).isTrue();
    }

    @Test
    void contentTypesAreConcreteAndNeitherFormsNorMultipart() {
        assertThat(RequestShape.contentTypeProblem("application/json; charset=utf-8")).isEmpty();
        assertThat(RequestShape.contentTypeProblem("text/plain")).as("left to Spring MVC's 415").isEmpty();
        assertThat(RequestShape.contentTypeProblem("*/*")).isPresent();
        assertThat(RequestShape.contentTypeProblem("application/*")).isPresent();
        assertThat(RequestShape.contentTypeProblem("multipart/form-data")).isPresent();
        assertThat(RequestShape.contentTypeProblem("application/x-www-form-urlencoded")).isPresent();
        assertThat(RequestShape.contentTypeProblem("json")).isPresent();
    }

    @Test
    void theHeadersWrittenOutsideTheChainAreTheChainsOwn() throws Exception {
        MvcResult result = this.mvc.perform(get("/api/v1/verses")).andReturn();
        // the cache headers are left out: the verse library sets its own (public, cacheable); an error is never cached
        SecurityHeaders.all().entrySet().stream().filter(h -> !java.util.Set.of("Cache-Control", "Pragma", "Expires").contains(h.getKey()))
            .forEach(h -> assertThat(result.getResponse().getHeader(h.getKey())).as(h.getKey()).isEqualTo(h.getValue()));
    }
}
