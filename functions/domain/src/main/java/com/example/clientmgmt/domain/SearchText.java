package com.example.clientmgmt.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How directory search matches: case and accents do not count ("elise" finds "Élise"), and every word
 * of the query must start a word of the person's name or company ("TREMB" finds "Tremblay").
 */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words shorter than this are not indexed on their own (they still match as prefixes of longer ones). */
    public static final int MAX_WORD = 40;

    private SearchText() {}

    /** Lower case, without accents: "Élise Tremblay-Côté" → "elise tremblay-cote". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }

    /** The distinct folded words of some texts, in order, each cut to {@link #MAX_WORD} characters. */
    public static Set<String> words(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            Arrays.stream(SEPARATORS.split(fold(text))).filter(w -> !w.isEmpty())
                    .map(w -> Texts.cut(w, MAX_WORD))
                    .forEach(words::add);
        }
        return words;
    }

    /** At most this many words of a person are indexed (a write stays within one DynamoDB transaction). */
    public static final int MAX_INDEXED_WORDS = 40;

    /** The words a person is found by: those of the name first, then the company's, at most {@link #MAX_INDEXED_WORDS}. */
    public static Set<String> indexedWords(Person person) {
        return words(person.name(), person.company()).stream().limit(MAX_INDEXED_WORDS)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /** True when every word of the query starts one of the person's words. */
    public static boolean matches(List<String> queryWords, Person person) {
        return matches(queryWords, person.name(), person.company());
    }

    /** True when every word of the query starts one of the words of {@code texts} (no query words: true). */
    public static boolean matches(List<String> queryWords, String... texts) {
        Set<String> own = words(texts);
        return queryWords.stream().allMatch(q -> own.stream().anyMatch(w -> w.startsWith(q)));
    }

    /** A person's search words after an edit of their details: those to add to the index, those to take out. */
    public record Reindex(Set<String> added, Set<String> removed) {
        public Reindex {
            added = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(added));
            removed = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(removed));
        }
    }

    public static Reindex reindex(Person before, Person after) {
        Set<String> old = indexedWords(before);
        Set<String> now = indexedWords(after);
        return new Reindex(now.stream().filter(w -> !old.contains(w)).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)),
                old.stream().filter(w -> !now.contains(w)).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }
}
