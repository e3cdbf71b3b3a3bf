package org.faithbot.chatbot.system.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the API, served by springdoc at {@code /v3/api-docs} (open, no UI): every
 * {@code /api/v1} operation with its parameters and request body schema, and the bearer scheme the API takes. The
 * caller ({@link CurrentUser}) comes from the token, not from the request: it is no parameter of the description.
 * The harness's fuzz spec builds its valid requests from it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    static final String BEARER = "bearer";

    @Bean
    OpenAPI chatbotOpenApi() {
        return new OpenAPI().info(new Info().title("Faith motivator chatbot API").version("v1"))
            .components(new Components().addSecuritySchemes(BEARER,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
            .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
