package com.example.clientmgmt.storage.directory;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * A search word of the directory (partition {@link Keys#wordsPk}, sort key word + "#" + person id): one item per
 * folded word of a person's name and company, so that search is a key query ({@code begins_with}).
 */
public final class SearchWordItem {
    private SearchWordItem() {}

    static Map<String, AttributeValue> key(String orgId, String word, String personId) {
        return Keys.key(Keys.wordsPk(orgId), word + "#" + personId);
    }

    static Map<String, AttributeValue> item(String orgId, String word, String personId) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, word, personId));
        item.put("type", AttributeValue.fromS("SearchWord"));
        item.put("personId", AttributeValue.fromS(personId));
        return item;
    }

    static AttributeValue partition(String orgId) {
        return AttributeValue.fromS(Keys.wordsPk(orgId));
    }

    static String personId(Map<String, AttributeValue> item) {
        return Attrs.str(item, "personId");
    }
}
