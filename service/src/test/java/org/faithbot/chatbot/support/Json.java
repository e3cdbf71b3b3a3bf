package org.faithbot.chatbot.support;

import com.jayway.jsonpath.JsonPath;

import org.springframework.test.web.servlet.MvcResult;

/** Reads JSON answers in tests. */
public final class Json {

    private Json() {
    }

    public static <T> T read(MvcResult result, String path) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }

    public static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }
}
