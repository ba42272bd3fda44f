package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.DevTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The local authorizer accepts only unexpired HS256 tokens signed with the dev key. */
class DevTokensTest {
    static final DevTokens TOKENS = new DevTokens("secret-one");

    @Test
    void aFreshTokenCarriesItsClaimsAsStrings() {
        var claims = TOKENS.verify(TOKENS.mint("alice", "org1", true));
        assertEquals("alice", claims.get("sub"));
        assertEquals("org1", claims.get("org"));
        assertEquals("true", claims.get("org_admin"));
    }

    @Test
    void expiredTamperedForeignOrUnsignedTokensAreRefused() {
        assertNull(TOKENS.verify(TOKENS.mint("alice", "org1", false, Duration.ofSeconds(-1))));
        assertNull(TOKENS.verify(new DevTokens("another-key").mint("alice", "org1", true)));
        String[] parts = TOKENS.mint("alice", "org1", false).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"alice\",\"org\":\"org1\",\"org_admin\":true,\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
        assertNull(TOKENS.verify(parts[0] + "." + forged + "." + parts[2]), "claims changed after signing");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(TOKENS.verify(none + "." + parts[1] + "."), "alg none");
        assertNull(TOKENS.verify(none + "." + parts[1] + "." + parts[2]), "alg none with a signature");
        assertNull(TOKENS.verify("not-a-token"));
        assertNull(TOKENS.verify(null));
        assertNull(TOKENS.verify("a.b.c"));
    }
}
