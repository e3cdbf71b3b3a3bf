package org.faithbot.chatbot.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Request builders with a bearer token. */
public final class Requests {

    private Requests() {
    }

    public static MockHttpServletRequestBuilder getAs(String token, String path) {
        return get(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
    }

    public static MockHttpServletRequestBuilder postAs(String token, String path) {
        return post(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
    }

    public static MockHttpServletRequestBuilder postJsonAs(String token, String path, String json) {
        return postAs(token, path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder putJsonAs(String token, String path, String json) {
        return put(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    }
}
