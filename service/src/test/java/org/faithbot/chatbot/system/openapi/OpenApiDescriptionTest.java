package org.faithbot.chatbot.system.openapi;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description holds every /api/v1 operation the service answers, each with the parameters its
 * handler reads (path, query, header: name, place and whether required) and its request body with a schema; it is
 * open, and carries the security headers of every response.
 */
class OpenApiDescriptionTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void theDescriptionListsEveryApiOperationWithItsParametersAndBody() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode description = JsonMapper.builder().build().readTree(response.body());

        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
            for (String path : mapping.getKey().getPatternValues()) {
                if (!path.startsWith("/api/v1/")) {
                    continue;
                }
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = description.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isObject()).as(method + " " + path + " in the description").isTrue();
                    assertParameters(method + " " + path, mapping.getValue(), operation);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("operations checked").hasSizeGreaterThan(20);
        description.path("paths").propertyNames().forEach(path -> assertThat(path).startsWith("/api/v1/"));
    }

    private static void assertParameters(String operationName, HandlerMethod handler, JsonNode operation) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            String[] place = place(parameter);
            if (place == null) {
                if (AnnotatedElementUtils.hasAnnotation(parameter, RequestBody.class)) {
                    assertThat(operation.path("requestBody").path("content").path("application/json").path("schema").isObject())
                        .as(operationName + ": request body schema").isTrue();
                }
                continue;
            }
            JsonNode declared = null;
            for (JsonNode candidate : operation.path("parameters")) {
                if (candidate.path("name").asString().equals(place[1]) && candidate.path("in").asString().equals(place[0])) {
                    declared = candidate;
                }
            }
            assertThat(declared).as(operationName + ": parameter " + place[1] + " in " + place[0]).isNotNull();
            assertThat(declared.path("schema").isObject()).as(operationName + ": schema of " + place[1]).isTrue();
        }
    }

    /** {in, name} of a path, query or header parameter; null for anything else (the body, the caller). */
    private static String[] place(Parameter parameter) {
        PathVariable path = AnnotatedElementUtils.findMergedAnnotation(parameter, PathVariable.class);
        if (path != null) {
            return new String[] { "path", path.name() };
        }
        RequestParam query = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
        if (query != null) {
            return new String[] { "query", query.name() };
        }
        RequestHeader header = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestHeader.class);
        if (header != null) {
            return new String[] { "header", header.name() };
        }
        return null;
    }
}
