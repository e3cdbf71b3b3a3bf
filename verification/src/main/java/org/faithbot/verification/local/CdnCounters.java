package org.faithbot.verification.local;

/**
 * The local CDN's own counters (varnishstat): client requests, cache hits, misses, and of the misses those the
 * origin answered "not modified" (a cached object revalidated and served from the cache: CloudFront's RefreshHit),
 * and the requests passed to the origin uncached (the API). Varnish's count of 304s from the origin (fetch_304)
 * includes those of passed requests: it is the misses' revalidations only while no passed request is conditional.
 */
public record CdnCounters(long requests, long hits, long misses, long revalidated, long passes) {

    public CdnCounters since(CdnCounters earlier) {
        return new CdnCounters(requests - earlier.requests, hits - earlier.hits, misses - earlier.misses,
                revalidated - earlier.revalidated, passes - earlier.passes);
    }

    /** Cacheable requests: those looked up in the cache (hits and misses; passes are not). */
    public long cacheable() {
        return hits + misses;
    }

    /**
     * The share of cacheable requests served from the cache, as CloudFront's CacheHitRate counts it: hits, and
     * revalidations the origin answered "not modified", over hits and misses; NaN when there was none.
     */
    public double hitRatioPercent() {
        return cacheable() == 0 ? Double.NaN : 100.0 * (hits + revalidated) / cacheable();
    }
}
