package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An organization's settings: region time zones only (07:00 follows daylight saving time), two languages, its admins. */
class OrganizationTest {
    @Test
    void onlyRegionTimeZonesAreAcceptedNeverABareOffset() {
        assertEquals(ZoneId.of("America/Toronto"), Organization.zone("America/Toronto"));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), Organization.zone("America/Argentina/Buenos_Aires"));
        assertEquals(ZoneId.of("UTC"), Organization.zone("UTC"));
        for (String refused : new String[] {"-05:00", "UTC-5", "GMT+2", "EST", "Mars/Olympus_Mons", "america/toronto", "", null}) {
            assertNull(Organization.zone(refused), String.valueOf(refused));
        }
    }

    @Test
    void settingsAreCheckedFieldByFieldAndOnlyAnOrganizationAdminChangesThem() {
        assertEquals(List.of(), Organization.check("America/Montreal", "en"));
        assertEquals(List.of(), Organization.check(null, null), "absent fields are not checked");
        assertEquals(List.of(FieldError.of("timeZone", "UNKNOWN_TIME_ZONE"), FieldError.of("defaultLanguage", "UNKNOWN_VALUE", "fr-CA, en")),
                Organization.check("+01:00", "fr"));
        assertDoesNotThrow(() -> Organization.requireMayChange(new Caller("boss", "o", true)));
        assertEquals(ProblemCode.FORBIDDEN, assertThrows(ProblemException.class,
                () -> Organization.requireMayChange(new Caller("adam", "o", false))).code());
    }

    @Test
    void anOrganizationWithoutSettingsIsNamedByItsIdAndSpeaksCanadianFrench() {
        assertEquals(new Organization("demo", "demo", ZoneId.of("America/Toronto"), "fr-CA"),
                Organization.defaults("demo", ZoneId.of("America/Toronto")));
    }
}
