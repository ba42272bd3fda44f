package com.example.clientmgmt.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local identity provider and the local JWT authorizer, as Cognito and API Gateway's JWT authorizer
 * are in AWS: ID tokens signed RS256 with a local key (its public half the JWKS), verified by signature
 * against that JWKS (the token's {@code kid} picks the key), issuer, audience and expiry; HS256 and
 * unsigned ({@code alg: none}) tokens are refused. The key is generated on first use into
 * {@code .tools/dev-jwt/signing-key.json} (env {@code DEV_JWT_KEY_FILE}), which scripts/dev-token signs
 * with too. Never deployed.
 */
public final class DevTokens {
    public static final String ISSUER = "https://local.clientmgmt.invalid/idp";
    public static final String AUDIENCE = "clientmgmt-local-frontend";
    private final RSAKey key;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public DevTokens(RSAKey key) {
        this.key = key;
        processor.setJWSTypeVerifier((type, context) -> { }); // Cognito ID tokens carry no "typ"
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks())));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew(0); // expired is expired
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The local key: the file's, created when missing. */
    public static DevTokens fromEnvironment() {
        Path file = keyFile();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                        .keyID("local-" + UUID.randomUUID().toString().substring(0, 8)).generate();
                Path temporary = Files.createTempFile(file.getParent(), "key", ".json");
                Files.writeString(temporary, generated.toJSONString());
                try {
                    Files.move(temporary, file); // another process may have won: then its key is the key
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(temporary);
                }
            }
            return new DevTokens(RSAKey.parse(Files.readString(file)));
        } catch (IOException | JOSEException | ParseException e) {
            throw new IllegalStateException("cannot read or create the local signing key " + file, e);
        }
    }

    static Path keyFile() {
        String configured = System.getenv("DEV_JWT_KEY_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir.getParent() != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        return dir.resolve(".tools/dev-jwt/signing-key.json");
    }

    /** The public keys, as a JWKS endpoint would publish them. */
    public JWKSet jwks() {
        return new JWKSet(key.toPublicJWK());
    }

    public String mint(String userId, String orgId, boolean orgAdmin) {
        return mint(userId, orgId, orgAdmin, Map.of(), Duration.ofHours(12));
    }

    /** A token valid for {@code validity} from now (negative: already expired, for tests). */
    public String mint(String userId, String orgId, boolean orgAdmin, Duration validity) {
        return mint(userId, orgId, orgAdmin, Map.of(), validity);
    }

    /**
     * An ID token as the stack's Cognito issues it after its pre-token-generation trigger: {@code sub},
     * {@code org}, {@code org_admin} (when true), and {@code extra} claims such as email, name, locale.
     */
    public String mint(String userId, String orgId, boolean orgAdmin, Map<String, Object> extra, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validity)))
                .claim("token_use", "id").claim("cognito:username", userId);
        if (orgId != null) {
            claims.claim("org", orgId);
        }
        if (orgAdmin) {
            claims.claim("org_admin", "true");
        }
        if (extra.containsKey("email")) {
            claims.claim("email_verified", true); // as Cognito's once the address is confirmed; extra may say otherwise
        }
        extra.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims as API Gateway passes them (every value a string), or null when it is not valid. */
    public Map<String, String> verify(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (jwt.getHeader().getKeyID() == null) {
                return null; // the authorizer picks the JWKS key by kid: a token without one matches none
            }
            JWTClaimsSet claims = processor.process(jwt, null);
            Map<String, String> out = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> out.put(name, asString(value)));
            return out;
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    /** API Gateway's rendering of claims: text as is, numbers and booleans as text, dates in epoch seconds. */
    private static String asString(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
