package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.CalendarSecret;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Sha256;
import com.example.clientmgmt.storage.calendar.CalendarStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;

/**
 * The calendar feed (SPEC v3): {@code POST /me/calendar} creates or rotates the caller's secret feed URL (the secret is
 * shown once, stored only hashed); {@code GET /calendar/{secret}.ics} serves it to calendar applications, which send
 * no bearer token — the route has no authorizer, the secret is the credential (unknown, malformed or rotated: 404,
 * the same answer, so a guess learns nothing). The feed is computed at each request ({@link CalendarFeed}); its ETag is
 * its content's hash, so a poll of an unchanged calendar is a 304.
 */
@Controller
public class CalendarController {
    static final String SUFFIX = ".ics";
    private final CalendarStore calendars;
    private final CalendarFeed feeds;
    private final Clock clock;
    /** The API's public base URL (the stack's PublicApiUrl; env CALENDAR_PUBLIC_URL); blank: the request's own host. */
    private final String publicUrl;

    public CalendarController(CalendarStore calendars, CalendarFeed feeds, Clock clock,
                              @Value("${calendar.public-url:}") String publicUrl) {
        this.calendars = calendars;
        this.feeds = feeds;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Serdeable
    record Feed(String url) {}

    /** A new secret URL for the caller's feed; the previous one (if any) stops working at once. */
    @Post("/me/calendar")
    public Feed rotate(Caller caller, HttpRequest<?> request) {
        String secret = CalendarSecret.generate();
        calendars.rotate(caller.orgId(), caller.userId(), CalendarSecret.hash(secret), clock.instant());
        return new Feed(base(request) + "/calendar/" + secret + SUFFIX);
    }

    @Get(uri = "/calendar/{feed}", produces = "text/calendar")
    public HttpResponse<String> feed(@PathVariable String feed, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String secret = feed.endsWith(SUFFIX) ? feed.substring(0, feed.length() - SUFFIX.length()) : null;
        CalendarStore.Owner owner = CalendarSecret.isWellFormed(secret)
                ? calendars.owner(CalendarSecret.hash(secret)).orElse(null) : null;
        if (owner == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        Instant now = clock.instant();
        CalendarFeed.Content content = feeds.of(owner.orgId(), owner.userId(), now);
        String etag = "\"" + Sha256.hex(content.render(null)).substring(0, 32) + "\"";
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(content.render(now)).contentType("text/calendar; charset=utf-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
    }

    private String base(HttpRequest<?> request) {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        // API Gateway's Host is the API's domain (its execute-api name, or a custom domain in front of it)
        return "https://" + request.getHeaders().get(HttpHeaders.HOST);
    }
}
