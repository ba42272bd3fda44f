package com.example.clientmgmt.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The name of the product's one DynamoDB table (env {@code TABLE_NAME}). */
@Singleton
public class TableConfig {
    private final String name;

    public TableConfig(@Value("${table.name}") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
