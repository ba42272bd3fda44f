package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.storage.ItemSizeLimit;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The one place where refusals become HTTP: {@link ProblemException}s from the domain, and the framework's
 * own errors (unknown route, wrong method, wrong media type, unreadable input), all as
 * {@code application/problem+json} in the caller's language. Anything unexpected is a logged 500 that
 * shows no internals.
 */
@Singleton
@Primary
@Produces("application/problem+json")
public class ProblemResponses implements ExceptionHandler<ProblemException, HttpResponse<Problem>>, ErrorResponseProcessor<Problem> {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private final Metrics metrics;

    public ProblemResponses(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return counted(render(request, exception));
    }

    /** Errors Micronaut raises before or around our code: mapped by their status. */
    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        ProblemException problem = context.getRootCause()
                .filter(ProblemException.class::isInstance).map(ProblemException.class::cast)
                .orElseGet(() -> fromStatus(status, context));
        MutableHttpResponse<Problem> rendered = render(context.getRequest(), problem);
        // a 405 says which methods the path takes (RFC 9110): keep the framework's Allow header
        String allow = response.getHeaders().get("Allow");
        if (allow != null && !allow.isBlank()) {
            rendered.header("Allow", allow);
        }
        return counted(rendered);
    }

    /** Metric {@code ProblemResponses} by {@code Code}: what users are refused, and the 500s an alarm watches. */
    private MutableHttpResponse<Problem> counted(MutableHttpResponse<Problem> response) {
        response.getBody().ifPresent(problem -> metrics.record(Map.of("ProblemResponses", 1.0), Unit.COUNT, Map.of("Code", problem.code())));
        return response;
    }

    private static ProblemException fromStatus(int status, ErrorContext context) {
        ProblemCode code = switch (status) {
            case 400 -> ProblemCode.VALIDATION_FAILED;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCode.INTERNAL_ERROR;
        };
        if (code == ProblemCode.INTERNAL_ERROR && context.getRootCause().filter(ItemSizeLimit::refused).isPresent()) {
            // a write DynamoDB refused for an item's size (the domain's caps should never let one get there): say so
            LOG.error("an item reached DynamoDB's size limit on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                    context.getRootCause().get());
            return new ProblemException(ProblemCode.CONFLICT, "ITEM_TOO_LARGE", List.of(), List.of());
        }
        if (code == ProblemCode.INTERNAL_ERROR) {
            LOG.error("Unexpected error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                    context.getRootCause().orElse(null));
        }
        if (code == ProblemCode.VALIDATION_FAILED) {
            // the framework could not read a parameter or the body: say which when it knows
            String field = context.getErrors().stream().flatMap(e -> e.getPath().stream())
                    .map(path -> path.startsWith("/") ? path.substring(1) : path).findFirst().orElse("request");
            // controllers read bodies as text, so the only body error the framework raises is a missing one
            return ProblemException.invalid(FieldError.of(field, field.equals("body") ? "BODY_REQUIRED" : "UNREADABLE"));
        }
        return new ProblemException(code);
    }

    public static MutableHttpResponse<Problem> render(HttpRequest<?> request, ProblemException problem) {
        Locale locale = Messages.localeOf(request);
        int status = statusOf(problem.code());
        List<Problem.InvalidField> fields = problem.fieldErrors().stream()
                .map(f -> new Problem.InvalidField(f.field(), f.reason(),
                        Messages.text(locale, "field." + f.reason(), f.args())))
                .toList();
        Problem body = new Problem("/problems/" + problem.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Messages.text(locale, "title." + problem.code().name(), List.of()),
                status, problem.code().name(),
                Messages.text(locale, problem.messageKey(), problem.args()),
                fields, status == 500 ? RequestLog.requestId() : null);
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE)
                .header("Content-Language", locale.toLanguageTag()).body(body);
    }

    public static int statusOf(ProblemCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case VALIDATION_FAILED -> 400;
            case PROJECT_CLOSED, CONFLICT, DOCUMENT_NOT_AVAILABLE, LAST_ADMIN -> 409;
            case VERSION_MISMATCH -> 412;
            case LICENCE_REQUIRED -> 422;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case INTERNAL_ERROR -> 500;
        };
    }
}
