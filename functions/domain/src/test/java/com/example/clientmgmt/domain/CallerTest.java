package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Claims become a caller only as an ID token's, with ids of the documented shape; anything else is 401. */
class CallerTest {
    static Map<String, String> claims(String sub, String org, String tokenUse) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("org", org);
        if (tokenUse != null) {
            claims.put("token_use", tokenUse);
        }
        return claims;
    }

    static void unauthenticated(Map<String, String> claims, boolean required) {
        assertEquals(ProblemCode.UNAUTHENTICATED,
                assertThrows(ProblemException.class, () -> Caller.fromClaims(claims, required)).code(), String.valueOf(claims));
    }

    @Test
    void anIdTokensClaimsNameTheCaller() {
        assertEquals(new Caller("5f1c-uuid", "demo-construction", false), Caller.fromClaims(claims("5f1c-uuid", "demo-construction", "id"), true));
        Map<String, String> admin = claims("u", "o", "id");
        admin.put("org_admin", "true");
        assertEquals(new Caller("u", "o", true), Caller.fromClaims(admin, true));
        assertEquals(new Caller("u", "o", false), Caller.fromClaims(claims("u", "o", null), false),
                "an existing issuer's token without token_use is taken when the stack does not require it");
    }

    @Test
    void anAccessTokenOrATokenWithoutTokenUseWhereItIsRequiredIsRefused() {
        unauthenticated(claims("u", "o", "access"), true);
        unauthenticated(claims("u", "o", "access"), false);
        unauthenticated(claims("u", "o", null), true);
        unauthenticated(null, false);
    }

    @Test
    void idsOfAnotherShapeAreRefusedSoThatNoneReachesIntoAnotherTenantsKeys() {
        for (String bad : List.of("acme#PROJECT#01ARZ3NDEKTSV4RRFFQ69G5FAV", "", " ", "a b", "tab\there", "ligne\n", "é-org",
                "x".repeat(129), "nul\u0000")) {
            unauthenticated(claims("u", bad, "id"), true);
            unauthenticated(claims(bad, "o", "id"), true);
        }
        unauthenticated(claims(null, "o", "id"), true);
        unauthenticated(claims("u", null, "id"), true);
        assertEquals("x".repeat(128), Caller.fromClaims(claims("x".repeat(128), "o", "id"), true).userId(), "128 is the limit");
        assertEquals("org_1.A-z~!", Caller.fromClaims(claims("u", "org_1.A-z~!", "id"), true).orgId(), "printable ASCII but #");
    }
}
