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
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudWatch's DescribeAlarms as the FIS driver's guard rails use it, against a stub speaking
 * CloudWatch's wire protocol of SDK 2.57 (Smithy RPC v2 CBOR): the request names the alarms, the
 * answer's states are read back by name, and more than 100 names are split over several calls.
 */
class CloudWatchAlarmStatesTest {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/DescribeAlarms";
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

    private void answer(List<String[]> alarms) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator out = CBOR.createGenerator(body)) {
            out.writeStartObject();
            out.writeFieldName("MetricAlarms");
            out.writeStartArray();
            for (String[] alarm : alarms) {
                out.writeStartObject();
                out.writeStringField("AlarmName", alarm[0]);
                out.writeStringField("AlarmArn", "arn:aws:cloudwatch:eu-central-1:123456789012:alarm:" + alarm[0]);
                out.writeStringField("StateValue", alarm[1]);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        aws.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(body.toByteArray())));
    }

    /** The alarm names a CBOR request asked for. */
    private static List<String> requestedNames(LoggedRequest request) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser in = CBOR.createParser(request.getBody())) {
            boolean inNames = false;
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "AlarmNames".equals(in.currentName())) {
                    inNames = true;
                } else if (inNames && token == JsonToken.VALUE_STRING) {
                    names.add(in.getText());
                } else if (inNames && token == JsonToken.END_ARRAY) {
                    inNames = false;
                }
            }
        }
        return names;
    }

    @Test
    void readsTheStateOfEachNamedAlarm() throws IOException {
        answer(List.of(new String[]{"chatbot-staging-alb-5xx-rate", "OK"}, new String[]{"chatbot-staging-alb-p95-latency", "ALARM"}));

        Map<String, AlarmStates.Alarm> states = new CloudWatchAlarmStates(cloudWatch)
                .describe(List.of("chatbot-staging-alb-5xx-rate", "chatbot-staging-alb-p95-latency", "chatbot-staging-missing"));

        assertThat(states).containsOnlyKeys("chatbot-staging-alb-5xx-rate", "chatbot-staging-alb-p95-latency");
        assertThat(states.get("chatbot-staging-alb-5xx-rate").ok()).isTrue();
        assertThat(states.get("chatbot-staging-alb-p95-latency").state()).isEqualTo("ALARM");
        assertThat(states.get("chatbot-staging-alb-p95-latency").arn()).endsWith(":alarm:chatbot-staging-alb-p95-latency");
        LoggedRequest request = aws.findAll(postRequestedFor(urlPathEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/cbor");
        assertThat(request.getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(requestedNames(request)).containsExactly("chatbot-staging-alb-5xx-rate", "chatbot-staging-alb-p95-latency", "chatbot-staging-missing");
    }

    @Test
    void asksForAtMostOneHundredAlarmsACall() throws IOException {
        answer(List.of());
        List<String> names = IntStream.range(0, 150).mapToObj(i -> "alarm-" + i).toList();

        new CloudWatchAlarmStates(cloudWatch).describe(names);

        List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        assertThat(requestedNames(requests.get(0))).hasSize(100);
        assertThat(requestedNames(requests.get(1))).hasSize(50).startsWith("alarm-100");
    }

    @Test
    void readsTheAlarmNameOfAnArn() {
        assertThat(AlarmStates.nameOf("arn:aws:cloudwatch:eu-central-1:123456789012:alarm:chatbot-staging-alb-5xx-rate"))
                .isEqualTo("chatbot-staging-alb-5xx-rate");
    }
}
