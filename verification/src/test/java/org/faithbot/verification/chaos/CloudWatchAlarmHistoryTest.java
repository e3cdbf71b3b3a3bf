package org.faithbot.verification.chaos;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudWatch's DescribeAlarmHistory as staging's detection reads it, against a stub speaking CloudWatch's wire protocol of
 * SDK 2.57 (Smithy RPC v2 CBOR): state updates only, each item's states read from its history data, oldest first.
 */
class CloudWatchAlarmHistoryTest {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/DescribeAlarmHistory";
    private static final CBORFactory CBOR = new CBORFactory();

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        aws.start();
        cloudWatch = CloudWatchClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        aws.stop();
    }

    private void answer(List<Object[]> items) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = CBOR.createGenerator(body)) {
            out.writeStartObject();
            out.writeFieldName("AlarmHistoryItems");
            out.writeStartArray();
            for (Object[] item : items) {
                out.writeStartObject();
                out.writeStringField("AlarmName", (String) item[0]);
                out.writeFieldName("Timestamp");
                ((CBORGenerator) out).writeTag(1);
                out.writeNumber(((Instant) item[1]).toEpochMilli() / 1000.0);
                out.writeStringField("HistoryItemType", "StateUpdate");
                out.writeStringField("HistorySummary", "Alarm updated from " + item[2] + " to " + item[3]);
                out.writeStringField("HistoryData", "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"" + item[2]
                        + "\"},\"newState\":{\"stateValue\":\"" + item[3] + "\"}}");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(body.toByteArray())));
    }

    @Test
    void readsEachStateUpdateOldestFirst() throws IOException {
        Instant into = Instant.parse("2026-12-06T10:02:30Z");
        Instant out = Instant.parse("2026-12-06T10:05:00Z");
        answer(List.of(new Object[]{"chatbot-staging-alb-5xx-rate", out, "ALARM", "OK"},
                new Object[]{"chatbot-staging-alb-5xx-rate", into, "OK", "ALARM"}));

        List<AlarmHistory.Transition> transitions = new CloudWatchAlarmHistory(cloudWatch)
                .transitions("chatbot-staging-alb-5xx-rate", Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-06T11:00:00Z"));

        assertThat(transitions).extracting(AlarmHistory.Transition::at).containsExactly(into, out);
        assertThat(transitions.get(0).intoAlarm()).isTrue();
        assertThat(transitions.get(1).outOfAlarm()).isTrue();
        LoggedRequest request = aws.findAll(postRequestedFor(urlPathEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        String sent = new String(request.getBody(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(sent).contains("chatbot-staging-alb-5xx-rate").contains("StateUpdate").contains("TimestampAscending");
    }
}
