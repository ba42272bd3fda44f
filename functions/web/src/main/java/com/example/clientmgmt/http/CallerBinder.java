package com.example.clientmgmt.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.clientmgmt.domain.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Gives controllers the {@link Caller}: the claims that API Gateway's JWT authorizer verified and put in
 * the request context ({@code sub}, {@code org}, {@code org_admin}). Nothing the client sends as a header
 * or body can reach it. No verified claims, a token that is not an ID token, or ids of another shape: 401
 * ({@link Caller#fromClaims}). The caller's profile claims are remembered on the way
 * ({@link ProfileRecorder}).
 */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);
    private final ProfileRecorder profiles;
    private final boolean tokenUseRequired;

    /** {@code auth.token-use-required}: true with this stack's own user pool (template.yaml sets it from CreateUserPool). */
    public CallerBinder(ProfileRecorder profiles, @Value("${auth.token-use-required:true}") boolean tokenUseRequired) {
        this.profiles = profiles;
        this.tokenUseRequired = tokenUseRequired;
    }

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public ArgumentBinder.BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        APIGatewayV2HTTPEvent event = source instanceof APIGatewayV2HTTPEventServletRequest<?> r ? r.getNativeRequest() : null;
        Caller caller = Caller.fromClaims(claims(event), tokenUseRequired);
        profiles.seen(caller, event.getRequestContext().getAuthorizer().getJwt().getClaims());
        return () -> java.util.Optional.of(caller);
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        return event == null || event.getRequestContext() == null
                || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                ? null : event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }
}
