package org.faithbot.verification.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The local CDN's configuration and the hit ratio its counters give. */
class LocalCdnTest {

    @Test
    void theConfigurationCachesByPathAloneAndPassesTheApiToTheBalancer() {
        String vcl = LocalCdn.configuration(41234);
        assertThat(vcl).contains(".host = \"127.0.0.1\";").contains(".port = \"41234\";").doesNotContain("${BACKEND_PORT}");
        assertThat(vcl).as("the API uncached, as CloudFront's CachingDisabled behaviour").contains("req.url ~ \"^/api/\"").contains("return (pass);");
        assertThat(vcl).as("the cache key: the path alone").contains("hash_data(req.url);").contains("unset req.http.Cookie;");
        assertThat(vcl).as("default_ttl 1 day, max_ttl 1 year").contains("set beresp.ttl = 1d;").contains("set beresp.ttl = 365d;");
    }

    @Test
    void revalidationsTheOriginAnswersNotModifiedCountAsServedFromTheCache() {
        CdnCounters before = new CdnCounters(100, 40, 20, 10, 40);
        CdnCounters after = new CdnCounters(1100, 940, 120, 105, 90);
        CdnCounters day = after.since(before);
        assertThat(day.cacheable()).isEqualTo(1000);
        assertThat(day.passes()).as("the API's requests are not cacheable").isEqualTo(50);
        assertThat(day.hitRatioPercent()).as("(900 hits + 95 revalidated) / 1000").isEqualTo(99.5);
        assertThat(new CdnCounters(0, 0, 0, 0, 3).hitRatioPercent()).isNaN();
    }
}
