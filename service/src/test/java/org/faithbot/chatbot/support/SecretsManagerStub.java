package org.faithbot.chatbot.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** A stub of AWS Secrets Manager's GetSecretValue (JSON 1.1 protocol: POST / with X-Amz-Target). */
public final class SecretsManagerStub {

    private SecretsManagerStub() {
    }

    public static void secret(WireMockServer server, String secretId, String stage, String value) {
        server.stubFor(post(urlPathEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .withRequestBody(containing("\"SecretId\":\"" + secretId + "\""))
            .withRequestBody(containing("\"VersionStage\":\"" + stage + "\""))
            .willReturn(okJson("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId
                    + "-AbCdEf\",\"Name\":\"" + secretId + "\",\"SecretString\":\"" + value
                    + "\",\"VersionId\":\"" + stage.toLowerCase() + "-1\",\"VersionStages\":[\"" + stage
                    + "\"],\"CreatedDate\":1.7956E9}")));
    }

    public static void noVersion(WireMockServer server, String secretId, String stage) {
        server.stubFor(post(urlPathEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .withRequestBody(containing("\"SecretId\":\"" + secretId + "\""))
            .withRequestBody(containing("\"VersionStage\":\"" + stage + "\""))
            .willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the "
                        + "specified secret value for staging label: " + stage + "\"}")));
    }
}
