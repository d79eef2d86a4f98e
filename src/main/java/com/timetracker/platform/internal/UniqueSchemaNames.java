package com.timetracker.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names the OpenAPI schemas by simple class name, as springdoc does, but refuses two classes with
 * the same name (e.g. two nested {@code EntryUpdate} records): springdoc would silently describe
 * both endpoints with one of them, and the web app's generated types would be wrong for the other.
 * Give one of them {@code @Schema(name = "...")}.
 */
final class UniqueSchemaNames extends TypeNameResolver {

    private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> earlier = named.putIfAbsent(name, type);
        if (earlier != null && earlier != type) {
            throw new IllegalStateException("Two API types are both named " + name + " in the OpenAPI document: "
                    + earlier.getName() + " and " + type.getName() + "; give one of them @Schema(name = \"...\")");
        }
        return name;
    }
}
