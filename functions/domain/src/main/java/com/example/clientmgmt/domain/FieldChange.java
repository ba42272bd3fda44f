package com.example.clientmgmt.domain;

/**
 * One changed field as the history records it: its path ({@code estimatedBudget}, {@code adminDocuments.<id>.title}…),
 * its value before and after (null = empty). Use cases return these; storage writes one history entry each.
 */
public record FieldChange(String field, Object from, Object to) {}
