package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the directory and project searches match: accents and case aside, every query word starts a word. */
class SearchTextTest {
    @Test
    void foldingDropsAccentsAndCaseAndSpellsLigaturesOut() {
        assertEquals("elise tremblay-cote", SearchText.fold("Élise Tremblay-Côté"));
        assertEquals("coeur aesir strasse", SearchText.fold("Cœur Æsir Straße"));
        assertEquals("", SearchText.fold(null));
    }

    @Test
    void wordsAreSplitOnAnythingButLettersAndDigitsOnceEachAndCut() {
        assertEquals(Set.of("ville", "de", "laval", "450"), SearchText.words("Ville de Laval (450)", "ville"));
        assertEquals(List.of("ville", "de", "laval", "450"), List.copyOf(SearchText.words("Ville de Laval (450)", "ville")), "in order");
        assertEquals(SearchText.MAX_WORD, SearchText.words("a".repeat(100)).iterator().next().length());
        assertEquals(0, SearchText.words("—", " ", "").size());
    }

    @Test
    void everyQueryWordMustStartAWordOfTheNameOrTheCompany() {
        assertTrue(SearchText.matches(List.of("tremb", "gen"), "Geneviève Tremblay", "Ville de Laval"));
        assertTrue(SearchText.matches(List.of("laval"), "Geneviève Tremblay", "Ville de Laval"), "the company's words count");
        assertFalse(SearchText.matches(List.of("blay"), "Geneviève Tremblay"), "a word's start, not its middle");
        assertFalse(SearchText.matches(List.of("tremb", "montreal"), "Geneviève Tremblay", "Ville de Laval"), "every word");
        assertTrue(SearchText.matches(List.of(), "anyone"), "no query words: everyone");
    }

    @Test
    void aPersonIsIndexedByAtMostFortyWordsNameFirst() {
        StringBuilder company = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            company.append("mot").append(i).append(' ');
        }
        Person p = new Person("o", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "Zoé Ouellet", company.toString(), null, null, Licence.NONE, Set.of());
        Set<String> indexed = SearchText.indexedWords(p);
        assertEquals(SearchText.MAX_INDEXED_WORDS, indexed.size());
        assertEquals(List.of("zoe", "ouellet", "mot0"), List.copyOf(indexed).subList(0, 3));
    }

    @Test
    void anEditReindexesOnlyTheWordsThatCameOrWent() {
        Person before = new Person("o", "A", "Élise Tremblay", "Ville de Laval", null, null, Licence.FREE, Set.of());
        Person after = new Person("o", "A", "Élise Tremblay-Côté", "Ville de Laval", null, null, Licence.FREE, Set.of());
        assertEquals(new SearchText.Reindex(Set.of("cote"), Set.of()), SearchText.reindex(before, after), "a word added, none gone");
        Person moved = new Person("o", "A", "Élise Tremblay", "Hydro-Québec", null, null, Licence.FREE, Set.of());
        SearchText.Reindex r = SearchText.reindex(before, moved);
        assertEquals(List.of("hydro", "quebec"), List.copyOf(r.added()), "in the order they are indexed");
        assertEquals(List.of("ville", "de", "laval"), List.copyOf(r.removed()));
        assertEquals(new SearchText.Reindex(Set.of(), Set.of()), SearchText.reindex(before, before), "nothing changed: no write");
    }
}
