package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.DevTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The local authorizer verifies as API Gateway's JWT authorizer does: RS256 against the JWKS (by kid),
 * issuer, audience, expiry. Everything else is refused: another key, HS256, alg none, no kid, other
 * issuer or audience, expired, tampered.
 */
class DevTokensTest {
    static final RSAKey KEY = key("kid-one");
    static final DevTokens TOKENS = new DevTokens(KEY);

    static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signed(JWSHeader header, JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(DevTokens.ISSUER).audience(DevTokens.AUDIENCE).subject("alice")
                .claim("org", "org1").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    @Test
    void aFreshTokenCarriesItsClaimsAsStrings() {
        var claims = TOKENS.verify(TOKENS.mint("alice", "org1", true, Map.of("email", "alice@example.com", "locale", "fr-CA"),
                Duration.ofMinutes(5)));
        assertEquals("alice", claims.get("sub"));
        assertEquals("org1", claims.get("org"));
        assertEquals("true", claims.get("org_admin"));
        assertEquals("alice@example.com", claims.get("email"));
        assertEquals("fr-CA", claims.get("locale"));
        assertEquals("id", claims.get("token_use"));
    }

    @Test
    void onlyRs256WithAKnownKidTheIssuerTheAudienceAndUnexpiredPasses() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-one").build();
        assertNotNull(TOKENS.verify(signed(header, valid().build(), KEY)), "the control case");
        assertNull(TOKENS.verify(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-one").build(), valid().build(), key("kid-one"))),
                "another key under the same kid");
        assertNull(TOKENS.verify(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-two").build(), valid().build(), key("kid-two"))),
                "a kid the JWKS does not have");
        assertNull(TOKENS.verify(signed(new JWSHeader(JWSAlgorithm.RS256), valid().build(), KEY)), "no kid");
        assertNull(TOKENS.verify(signed(header, valid().issuer("https://evil.example").build(), KEY)), "another issuer");
        assertNull(TOKENS.verify(signed(header, valid().audience("another-client").build(), KEY)), "another audience");
        assertNull(TOKENS.verify(signed(header, valid().expirationTime(Date.from(Instant.now().minusSeconds(1))).build(), KEY)), "expired");
        assertNull(TOKENS.verify(TOKENS.mint("alice", "org1", false, Duration.ofSeconds(-1))), "expired, minted");

        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("kid-one").build(), valid().build());
        hs256.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-0123456789".getBytes(StandardCharsets.UTF_8)));
        assertNull(TOKENS.verify(hs256.serialize()), "HS256");
        assertNull(TOKENS.verify(new PlainJWT(valid().build()).serialize()), "alg none");

        String[] parts = TOKENS.mint("alice", "org1", false).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + DevTokens.ISSUER + "\",\"aud\":\"" + DevTokens.AUDIENCE + "\",\"sub\":\"alice\",\"org\":\"org1\","
                        + "\"org_admin\":\"true\",\"iat\":1,\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        assertNull(TOKENS.verify(parts[0] + "." + forged + "." + parts[2]), "claims changed after signing");
        assertNull(TOKENS.verify("not-a-token"));
        assertNull(TOKENS.verify(null));
        assertNull(TOKENS.verify("a.b.c"));
    }
}
