package com.example.clientmgmt.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page cursors made by hand, encoded as the server encodes them (base64url of a sort-key position): crafted or stale ones. */
public final class Cursors {
    private Cursors() {}

    public static String at(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The field error code of a 400 answer (the first one). */
    public static String errorCode(ApiClient.Response response) {
        return World.expect(400, response).json().get("errors").get(0).get("code").asText();
    }
}
