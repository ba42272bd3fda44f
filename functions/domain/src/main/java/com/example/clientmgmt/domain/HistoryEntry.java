package com.example.clientmgmt.domain;

import java.time.Instant;

/** One recorded change in a project's admin history: who changed which field, when, from what to what. */
public record HistoryEntry(Instant at, String by, String field, Object from, Object to) {}
