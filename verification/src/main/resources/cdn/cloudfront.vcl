vcl 4.1;

# The local stand-in for CloudFront (terraform/modules/cdn): Varnish in front of the balancer with the
# distribution's cache rules. The harness fills in the balancer's port and starts it by PID.
#   default behaviour: GET and HEAD cached; the cache key is the path alone (no query string, headers or
#     cookies: query_string_behavior, header_behavior and cookie_behavior "none"); the origin's Cache-Control
#     sets the time to live within min_ttl 0 and max_ttl 1 year, default_ttl 1 day when it sends none; an
#     object marked no-cache is kept and revalidated with the origin on every request (CloudFront's RefreshHit).
#   /api/*: forwarded uncached (CachingDisabled), as the optional API behaviour does.

import std;

backend balancer {
    .host = "127.0.0.1";
    .port = "${BACKEND_PORT}";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

sub vcl_recv {
    if (req.url ~ "^/api/" || (req.method != "GET" && req.method != "HEAD")) {
        return (pass);
    }
    set req.url = regsub(req.url, "\?.*$", "");
    # no waiting list: an object kept only to be revalidated (no-cache) must not queue the requests that arrive while
    # one of them revalidates it; each revalidates on its own, as CloudFront's edge locations do
    set req.hash_ignore_busy = true;
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    unset beresp.http.Set-Cookie;
    if (beresp.http.Cache-Control ~ "(?i)no-cache|no-store|private|max-age=0") {
        # a millisecond, not 0 s: Varnish does not keep an object whose time to live is 0, and would fetch it whole
        # every time instead of revalidating it
        set beresp.ttl = 0.001s;
        set beresp.grace = 0s;
        set beresp.keep = 1d;
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "(?i)s-maxage|max-age" && !beresp.http.Expires) {
        set beresp.ttl = 1d;
    }
    if (beresp.ttl > 365d) {
        set beresp.ttl = 365d;
    }
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "Hit from varnish";
    } else {
        set resp.http.X-Cache = "Miss from varnish";
    }
}
