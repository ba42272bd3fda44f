package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data for the local API, loaded through the API itself (so it obeys every rule the product has):
 * organization {@code demo-construction} with an org admin, an ADMIN, a LIMITED member and a user with
 * no permission, projects in each state, a directory with people of each licence (Sylvie Lévesque has
 * none, to try LICENCE_REQUIRED) and client contacts, admin documents (an insurance certificate renewed once, a
 * licence that has expired, a bond that expires within 30 days: dates relative to today), a public bid in progress
 * (Aréna de Terrebonne: its requirements from the organization's template and the public-contract rule, some held,
 * one missing, one expiring before the deadline); plus a second organization to show isolation.
 */
final class DemoData {
    static final String ORG = "demo-construction";
    static final String OTHER_ORG = "autre-entreprise";

    /** Who is who, for the printed tokens. */
    static final List<String[]> USERS = List.of(
            new String[] {"marie", ORG, "true", "org admin; ADMIN of every demo project; e-mails in French",
                    "marie.lavoie@construction-demo.example", "Marie Lavoie", "fr-CA"},
            new String[] {"jean", ORG, "false", "ADMIN of Tour Horizon and École des Érables; e-mails in English",
                    "jean.dubois@construction-demo.example", "Jean Dubois", "en"},
            new String[] {"sophie", ORG, "false", "LIMITED on every demo project (no budget)",
                    "sophie.roy@construction-demo.example", "Sophie Roy", "fr-CA"},
            new String[] {"luc", ORG, "false", "organization member with no permission (403)", null, null, null},
            new String[] {"paul", OTHER_ORG, "true", "another organization (sees none of the above: 404)", null, null, null});

    /** A user's profile claims (email, name, locale), as their ID token carries them; none for users without. */
    static Map<String, Object> claims(String[] user) {
        if (user[4] == null) {
            return Map.of();
        }
        return Map.of("email", user[4], "name", user[5], "locale", user[6]);
    }

    /** A demo user's token, with their profile claims. */
    static String token(ApiClient api, String userId) {
        String[] user = USERS.stream().filter(u -> u[0].equals(userId)).findFirst().orElseThrow();
        return api.token(user[0], user[1], Boolean.parseBoolean(user[2]), claims(user));
    }

    private DemoData() {}

    /** Loads the demo once: a second start finds Marie's projects and leaves them as they are. */
    static void loadIfMissing(ApiClient api) {
        String marie = token(api, "marie");
        // each user's first request remembers how to reach them (their token's e-mail, name, locale)
        for (String[] user : USERS) {
            api.get("/me").token(token(api, user[0])).send();
        }
        ApiClient.Response existing = api.get("/projects?state=BIDDING&state=ACTIVE&state=ON_HOLD&state=CLOSED").token(marie).send();
        if (existing.status() == 200 && existing.json().get("items").size() > 0) {
            return;
        }
        String tour = project(api, marie, "Tour Horizon — Laval", "ACTIVE", Map.of("jean", "ADMIN", "sophie", "LIMITED"),
                info("Ville de Laval", "2026-02-15", "2026-04-01", "2027-09-30", "4850000.00"));
        String ecole = project(api, marie, "École primaire des Érables", "BIDDING", Map.of("jean", "ADMIN", "sophie", "LIMITED"),
                info("Centre de services scolaire des Mille-Îles", "2026-12-18", "2027-03-01", "2028-06-30", "12500000.00"));
        project(api, marie, "Centre sportif Rive-Nord", "ON_HOLD", Map.of("sophie", "LIMITED"),
                info("Municipalité de Rosemère", null, "2026-05-01", "2027-11-30", "7300000.00"));
        String entrepot = project(api, marie, "Entrepôt Montréal-Est", "ACTIVE", Map.of("sophie", "LIMITED", "jean", "LIMITED"),
                info("Logistique Saint-Laurent inc.", "2025-01-10", "2025-03-01", "2026-08-31", "3100000.00"));
        String elise = person(api, marie, "Élise Tremblay", "Ville de Laval", "elise.tremblay@laval.ca", "450 555-0142", "FREE");
        String marc = person(api, marie, "Marc-André Côté", "Ville de Laval", "ma.cote@laval.ca", "450 555-0177 poste 3", "FREE");
        String nadia = person(api, marie, "Nadia Bouchard", "CSS des Mille-Îles", "n.bouchard@cssmi.qc.ca", null, "STANDARD");
        String louis = person(api, marie, "Louis Gagnon", "Logistique Saint-Laurent inc.", "lgagnon@lsl.ca", "514 555-0110", "FREE");
        person(api, marie, "Sylvie Lévesque", "Béton Rive-Nord", "sylvie@betonrn.ca", "450 555-0101", null);
        contact(api, marie, tour, "submission", elise);
        contact(api, marie, tour, "billing", marc);
        contact(api, marie, tour, "execution", elise);
        contact(api, marie, ecole, "submission", nadia);
        contact(api, marie, entrepot, "billing", louis);
        LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));
        document(api, marie, tour, "Contrat signé", "CONTRACT", null, "Contrat Tour Horizon (signé).pdf", "application/pdf",
                "%PDF-1.7\n% Contrat Tour Horizon\n%%EOF\n", "2027-01-15", "Vérifier la retenue de garantie");
        // an insurance certificate renewed once: two versions, the newest one served
        String insurance = document(api, marie, tour, "Certificat d'assurance responsabilité civile", "INSURANCE",
                today.plusMonths(11).toString(), "assurance-responsabilité-2025-2026.txt", "text/plain",
                "Certificat d'assurance responsabilité civile — police 2025-2026\n", null, null);
        version(api, marie, tour, insurance, "assurance-responsabilité-2026-2027.txt", "text/plain",
                "Certificat d'assurance responsabilité civile — police 2026-2027 (renouvelée)\n");
        // a licence that has already expired, and a bond that expires within 30 days: the expiring list shows both
        document(api, marie, tour, "Licence RBQ de l'entrepreneur", "LICENCE_PERMIT", today.minusDays(10).toString(),
                "licence-rbq.txt", "text/plain", "Licence RBQ 5678-1234-01\n", null, null);
        document(api, marie, entrepot, "Cautionnement d'exécution", "BOND", today.plusDays(21).toString(), "cautionnement.txt",
                "text/plain", "Cautionnement d'exécution 50 %\n", today.plusDays(7).toString(), "Demander la prolongation à la caution");
        // a compliance certificate whose weekly reminder starts today: the first sweep at or after 07:00 fires it
        String cnesst = document(api, marie, ecole, "Attestation de conformité CNESST", "COMPLIANCE_CERTIFICATE",
                today.plusDays(30).toString(), "attestation-cnesst.txt", "text/plain", "Attestation CNESST — en règle\n",
                today.toString(), "Demander l'attestation à jour avant le début des travaux");
        require(200, api.patch("/projects/" + ecole + "/admin-documents/" + cnesst).token(marie)
                .body(Map.of("repeatEveryDays", 7)).send());
        require(200, api.put("/organization").token(marie).body(Map.of("name", "Construction Démo inc.",
                "timeZone", "America/Toronto", "defaultLanguage", "fr-CA")).send());
        publicBid(api, marie, today, ecole, tour);
        patch(api, marie, entrepot, Map.of("state", "CLOSED"));
        project(api, token(api, "paul"), "Condos Boréal", "ACTIVE", Map.of(), info("Boréal Habitation", null, null, null, null));
        if (tour == null || ecole == null) {
            throw new IllegalStateException("demo data did not load");
        }
    }

    /**
     * A public bid in progress: a municipality's arena (PUBLIC, 2.35 M$, closing in 12 days), the organization's
     * templates (one applied), and its documents: a Revenu Québec attestation issued three weeks ago and a bid bond held
     * (SATISFIED), an RBQ licence expiring before the deadline (EXPIRES_BEFORE), the AMP authorization missing. The
     * school (a school service centre: PUBLIC too) still lacks its attestation. Tour Horizon gets the other template.
     */
    private static void publicBid(ApiClient api, String marie, LocalDate today, String school, String tour) {
        String arena = project(api, marie, "Aréna de Terrebonne — appel d'offres", "BIDDING", Map.of("jean", "ADMIN", "sophie", "LIMITED"),
                info("Ville de Terrebonne", today.plusDays(12).toString(), today.plusDays(90).toString(), today.plusDays(450).toString(),
                        "2350000.00"));
        patch(api, marie, arena, Map.of("clientType", "PUBLIC"));
        JsonNode templates = require(200, api.put("/organization/requirement-templates").token(marie).body(Map.of("items", List.of(
                Map.of("name", "Appel d'offres public", "requirements", List.of(
                        Map.of("kind", "BID_BOND", "neededBy", "SUBMISSION", "note", "10 % du prix soumis, valide 90 jours"),
                        Map.of("kind", "AMP_AUTHORIZATION", "neededBy", "SUBMISSION"),
                        Map.of("kind", "RBQ_LICENCE", "neededBy", "SUBMISSION"),
                        Map.of("kind", "PERFORMANCE_BOND", "neededBy", "START", "label", "Cautionnement d'exécution (50 %)"),
                        Map.of("kind", "LABOUR_MATERIALS_BOND", "neededBy", "START"))),
                Map.of("name", "Chantier privé", "requirements", List.of(
                        Map.of("kind", "CNESST_CERTIFICATE", "neededBy", "START"),
                        Map.of("kind", "CCQ_STATEMENT", "neededBy", "START")))))).send()).json();
        require(200, api.post("/projects/" + arena + "/requirements/apply").token(marie)
                .body(Map.of("templateId", templates.get("items").get(0).get("id").asText())).send());
        require(200, api.post("/projects/" + tour + "/requirements/apply").token(marie)
                .body(Map.of("templateId", templates.get("items").get(1).get("id").asText())).send());
        dated(api, marie, arena, "Attestation de Revenu Québec", "REVENU_QUEBEC_ATTESTATION", today.minusDays(21).toString(), null,
                "attestation-rq.txt", "Attestation de Revenu Québec — délivrée au nom de Construction Démo inc.\n");
        dated(api, marie, arena, "Cautionnement de soumission", "BID_BOND", today.minusDays(2).toString(), null,
                "cautionnement-soumission.txt", "Cautionnement de soumission — 10 %\n");
        dated(api, marie, arena, "Licence RBQ", "RBQ_LICENCE", null, today.plusDays(5).toString(), "licence-rbq-2026.txt",
                "Licence RBQ 5678-1234-01 — à renouveler\n");
        patch(api, marie, school, Map.of("clientType", "PUBLIC"));
    }

    /** A document with its dates of issue and expiry (either may be null), uploaded. */
    private static void dated(ApiClient api, String token, String project, String title, String kind, String issuedOn, String expiresOn,
                              String fileName, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title, "kind", kind, "fileName", fileName,
                "contentType", "text/plain", "sizeBytes", bytes.length));
        if (issuedOn != null) {
            body.put("issuedOn", issuedOn);
        }
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        JsonNode declared = require(201, api.post("/projects/" + project + "/admin-documents").token(token).body(body).send()).json();
        put(declared.get("upload"), "text/plain", bytes);
    }

    /** A directory person; licence null leaves them without one (they cannot be chosen as a contact). */
    private static String person(ApiClient api, String token, String name, String company, String email, String phone, String licence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("company", company);
        body.put("email", email);
        if (phone != null) {
            body.put("phone", phone);
        }
        String id = require(201, api.post("/directory/people").token(token).body(body).send()).json().get("id").asText();
        if (licence != null) {
            require(200, api.put("/directory/people/" + id + "/licence").token(token).body(Map.of("licence", licence)).send());
        }
        return id;
    }

    private static void contact(ApiClient api, String token, String project, String role, String personId) {
        require(200, api.put("/projects/" + project + "/client-contacts/" + role).token(token).body(Map.of("personId", personId)).send());
    }

    /** Declares a document, then uploads its bytes through the presigned URL as a browser would; returns its id. */
    private static String document(ApiClient api, String token, String project, String title, String kind, String expiresOn,
                                   String fileName, String type, String content, String reminderDate, String reminderNote) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("kind", kind);
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        body.put("fileName", fileName);
        body.put("contentType", type);
        body.put("sizeBytes", bytes.length);
        if (reminderDate != null) {
            body.put("reminderDate", reminderDate);
            body.put("reminderNote", reminderNote);
        }
        JsonNode declared = require(201, api.post("/projects/" + project + "/admin-documents").token(token).body(body).send()).json();
        put(declared.get("upload"), type, bytes);
        return declared.get("document").get("id").asText();
    }

    /** Adds a file version to a document and uploads its bytes. */
    private static void version(ApiClient api, String token, String project, String document, String fileName, String type, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        JsonNode added = require(201, api.post("/projects/" + project + "/admin-documents/" + document + "/versions").token(token)
                .body(Map.of("fileName", fileName, "contentType", type, "sizeBytes", bytes.length)).send()).json();
        put(added.get("upload"), type, bytes);
    }

    private static void put(JsonNode upload, String type, byte[] bytes) {
        int status = ApiClient.upload(upload, type, bytes);
        if (status != 200) {
            throw new IllegalStateException("demo upload answered " + status);
        }
    }

    private static Map<String, Object> info(String client, String deadline, String start, String end, String budget) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("clientCompanyName", client);
        if (deadline != null) {
            info.put("submissionDeadline", deadline);
        }
        if (start != null) {
            info.put("startDate", start);
            info.put("endDate", end);
        }
        if (budget != null) {
            info.put("estimatedBudget", Map.of("amount", budget, "currency", "CAD"));
        }
        return info;
    }

    private static String project(ApiClient api, String token, String name, String state, Map<String, String> members,
                                  Map<String, Object> info) {
        ApiClient.Response created = require(201, api.post("/projects").token(token).body(Map.of("name", name, "state", state)).send());
        String id = created.json().get("id").asText();
        members.forEach((user, permission) -> require(200, api.put("/projects/" + id + "/members/" + user).token(token)
                .body(Map.of("permission", permission)).send()));
        patch(api, token, id, info);
        return id;
    }

    private static void patch(ApiClient api, String token, String id, Map<String, Object> body) {
        require(200, api.patch("/projects/" + id + "/admin-info").token(token).body(body).send());
    }

    private static ApiClient.Response require(int status, ApiClient.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("demo data: expected " + status + ", got " + response);
        }
        return response;
    }
}
