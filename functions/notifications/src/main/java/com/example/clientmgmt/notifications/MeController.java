package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.UserProfile;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import com.example.clientmgmt.storage.organization.ProfileStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;

/**
 * {@code /me}: who the caller is to the product — their e-mail, name and locale as their token last said
 * (remembered on each request where they change), their preferences, and the language reminders reach them
 * in. {@code PUT /me/preferences}: reminder e-mails on or off, and a language of their own.
 */
@Controller("/me")
public class MeController {
    private final ProfileStore profiles;
    private final OrganizationStore organizations;
    private final JsonMapper json;
    private final Clock clock;

    public MeController(ProfileStore profiles, OrganizationStore organizations, JsonMapper json, Clock clock) {
        this.profiles = profiles;
        this.organizations = organizations;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record View(String userId, String organizationId, boolean orgAdmin, String email, boolean emailVerified, String name, String locale,
                boolean emailReminders, String language, String effectiveLanguage) {}

    @Get
    public View read(Caller caller) {
        return view(caller, profiles.find(caller.orgId(), caller.userId()));
    }

    /** Both fields: {@code emailReminders} (true/false), {@code language} (fr-CA, en, or null: from the token). */
    @Put("/preferences")
    public View preferences(Caller caller, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        boolean emailReminders = in.requiredBoolean("emailReminders");
        String language = in.textChange("language", 8).applyTo(null);
        in.finish();
        if (language != null && !Organization.LANGUAGES.contains(language)) {
            throw ProblemException.invalid(FieldError.of("language", "UNKNOWN_VALUE", "fr-CA, en"));
        }
        return view(caller, profiles.setPreferences(caller.orgId(), caller.userId(), emailReminders, language, clock.instant()));
    }

    private View view(Caller caller, UserProfile p) {
        return new View(caller.userId(), caller.orgId(), caller.orgAdmin(), p.email(), p.emailVerified(), p.name(), p.locale(), p.emailReminders(),
                p.language(), p.languageOr(organizations.find(caller.orgId()).defaultLanguage()));
    }
}
