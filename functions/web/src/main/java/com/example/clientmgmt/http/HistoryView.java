package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.HistoryEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One history entry as every history route shows it: who, when, which field, from, to. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryView(String at, String by, String field, Object from, Object to) {
    public static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.at().toString(), e.by(), e.field(), e.from(), e.to());
    }
}
