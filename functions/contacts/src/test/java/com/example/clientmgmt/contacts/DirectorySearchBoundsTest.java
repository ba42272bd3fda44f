package com.example.clientmgmt.contacts;

import com.example.clientmgmt.domain.SearchText;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directory search reads a bounded number of items per request (here 6 word items and 6 people): a query that starts
 * more words than that walks the directory in name order and, when the budget runs out, answers a shorter page with a
 * cursor to go on — every match still listed once, in name order, across pages.
 */
@Tag("integration") // needs the emulator: not in scripts/test-fast
class DirectorySearchBoundsTest {
    static final int READS = 6;
    /** Items DynamoDB returned to queries and batch reads since the last reset: what a request read. */
    static final AtomicInteger ITEMS_READ = new AtomicInteger();

    @RegisterExtension
    static TestApi api = new TestApi().withProperty("directory.search.reads", READS).withSingleton(new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkResponse response = context.response();
            if (response instanceof QueryResponse q) {
                ITEMS_READ.addAndGet(q.items().size());
            } else if (response instanceof BatchGetItemResponse b) {
                b.responses().values().forEach(items -> ITEMS_READ.addAndGet(items.size()));
            }
        }
    });
    static ApiClient c;
    static String boss;
    static final List<String> NAMES = List.of("Alice Tanguay", "Bruno Côté", "Chloé Thibault", "Denis Roy", "Élise Tremblay",
            "Félix Turcotte", "Gilles Gagnon", "Hélène Taillon", "Isabelle Tardif", "Jacques Bouchard", "Karine Tessier",
            "Luc Morin", "Marie Talbot", "Nadia Lavoie", "Olivier Thériault", "Pierre Fortin", "Québec Toiture", "René Gauthier",
            "Sophie Tétreault", "Thomas Pelletier");

    @BeforeAll
    static void setUp() {
        c = api.client();
        boss = c.token("boss", "bounds-" + System.nanoTime(), true);
        for (String name : NAMES) {
            expect(201, c.post("/directory/people").token(boss).body(Map.of("name", name)).send());
        }
    }

    record Pages(List<String> names, List<Integer> sizes, List<Boolean> cursors, int maxRead) {}

    static Pages search(String query, int limit) {
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> cursors = new ArrayList<>();
        int maxRead = 0;
        String cursor = null;
        do {
            ITEMS_READ.set(0);
            JsonNode page = expect(200, c.get("/directory/people?limit=" + limit + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + cursor)).token(boss).send()).json();
            maxRead = Math.max(maxRead, ITEMS_READ.get());
            page.get("items").forEach(p -> names.add(p.get("name").asText()));
            sizes.add(page.get("items").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            cursors.add(cursor != null);
        } while (cursor != null && sizes.size() < 50);
        return new Pages(names, sizes, cursors, maxRead);
    }

    static List<String> expected(String query) {
        List<String> words = List.copyOf(SearchText.words(query));
        return NAMES.stream().filter(n -> SearchText.matches(words, n)).sorted(Comparator.comparing(SearchText::fold)).toList();
    }

    @Test
    void aOneLetterQueryWalksTheDirectoryInBoundedStepsAndStillListsEachMatchOnceInNameOrder() {
        Pages pages = search("t", 4);
        assertEquals(expected("t"), pages.names(), "each match once, in name order");
        assertTrue(expected("t").size() > READS, "more word items than one request reads: the walk");
        assertTrue(pages.maxRead() <= 2 * READS, "at most the word items' probe and one budget of people: " + pages);
        boolean shorterWithCursor = false;
        for (int i = 0; i < pages.sizes().size(); i++) {
            assertTrue(pages.sizes().get(i) <= 4);
            shorterWithCursor |= pages.sizes().get(i) < 4 && pages.cursors().get(i);
        }
        assertTrue(shorterWithCursor, "the budget ran out before a page was full: a shorter page, with a cursor: " + pages);
    }

    @Test
    void aSelectiveQueryIsAnsweredFromItsWordItemsInFullPages() {
        Pages pages = search("ta", 2);
        assertEquals(expected("ta"), pages.names());
        assertTrue(expected("ta").size() <= READS);
        assertTrue(pages.maxRead() <= 2 * READS, pages::toString);
        for (int i = 0; i < pages.sizes().size() - 1; i++) {
            assertEquals(2, pages.sizes().get(i), "full pages: " + pages);
        }
    }

    /** Search cursors are name-order positions, vetted as the list's: anything else is a 400, never a 500. */
    @Test
    void aForgedSearchCursorIsABadCursor() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        for (String forged : List.of("!!", b64.encodeToString("tremblay#not-an-id".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("nohash".getBytes(StandardCharsets.UTF_8)))) {
            for (String query : List.of("t", "tanguay")) {
                JsonNode refused = expect(400, c.get("/directory/people?query=" + query + "&cursor=" + forged).token(boss).send()).json();
                assertEquals("BAD_CURSOR", refused.get("errors").get(0).get("code").asText(), query + " " + forged);
            }
        }
    }

    @Test
    void aQueryOfTwoWordsMatchesOnBothEvenWhileWalking() {
        assertEquals(expected("t q"), search("t q", 3).names());
        assertEquals(List.of("Québec Toiture"), search("t q", 3).names());
    }
}
