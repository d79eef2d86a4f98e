package com.timetracker.platform;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeConverter;
import org.springframework.core.MethodParameter;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for records: {@code jdbc.sql(...).query(Rows.of(Entry.class))}. Columns match record
 * components by name ignoring case and underscores ({@code user_id} → {@code userId}). Spring's own
 * record mappers look each camelCase component up by its exact name first and catch the driver's
 * "column not found" exception before trying the underscored name — one exception per component
 * per row, which measured as 40 % of all allocation under load (docs/performance.md).
 */
public final class Rows {

    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, RecordRowMapper::new);
    }

    static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static final class RecordRowMapper<T> extends DataClassRowMapper<T> {

        private final Constructor<T> constructor;
        private final String[] names;
        private final MethodParameter[] parameters;

        RecordRowMapper(Class<T> type) {
            super(type);
            this.constructor = BeanUtils.getResolvableConstructor(type);
            String[] parameterNames = BeanUtils.getParameterNames(constructor);
            this.names = new String[parameterNames.length];
            this.parameters = new MethodParameter[parameterNames.length];
            for (int i = 0; i < parameterNames.length; i++) {
                names[i] = normalized(parameterNames[i]);
                parameters[i] = new MethodParameter(constructor, i);
            }
        }

        @Override
        protected T constructMappedInstance(ResultSet rs, TypeConverter converter) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                int index = column(meta, columns, names[i]);
                Class<?> type = parameters[i].getParameterType();
                args[i] = converter.convertIfNecessary(getColumnValue(rs, index, type), type, parameters[i]);
            }
            return BeanUtils.instantiateClass(constructor, args);
        }

        private int column(ResultSetMetaData meta, int columns, String name) throws SQLException {
            for (int c = 1; c <= columns; c++) {
                if (normalized(meta.getColumnLabel(c)).equals(name)) {
                    return c;
                }
            }
            throw new InvalidDataAccessApiUsageException("The query returns no column for '" + name + "' of " + constructor.getDeclaringClass().getSimpleName());
        }
    }
}
