package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local stand-in for Cognito: HS256 tokens signed with the local dev key (env {@code DEV_JWT_SECRET},
 * default below; never used in AWS, where API Gateway's JWT authorizer verifies Cognito's tokens).
 * scripts/dev-token signs the same way.
 */
public final class DevTokens {
    public static final String DEFAULT_SECRET = "local-dev-only-secret-change-me";
    public static final String ISSUER = "local-dev";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    public DevTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static DevTokens fromEnvironment() {
        String secret = System.getenv("DEV_JWT_SECRET");
        return new DevTokens(secret == null || secret.isBlank() ? DEFAULT_SECRET : secret);
    }

    public String mint(String userId, String orgId, boolean orgAdmin) {
        return mint(userId, orgId, orgAdmin, java.time.Duration.ofHours(12));
    }

    /** A token valid for {@code validity} from now (negative: already expired, for tests). */
    public String mint(String userId, String orgId, boolean orgAdmin, java.time.Duration validity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", userId);
        claims.put("org", orgId);
        if (orgAdmin) {
            claims.put("org_admin", true);
        }
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + validity.getSeconds());
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            return header + "." + payload + "." + sign(header + "." + payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims as API Gateway passes them (every value a string), or null when not valid. */
    public Map<String, String> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Map<?, ?> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            if (!"HS256".equals(header.get("alg"))) {
                return null;
            }
            byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Object exp = claims.get("exp");
            if (!(exp instanceof Number n) || n.longValue() < Instant.now().getEpochSecond()) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            claims.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private String sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
