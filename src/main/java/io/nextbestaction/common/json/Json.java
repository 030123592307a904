package io.nextbestaction.common.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON configuration of the service, for requests, suites and the decision log alike. Quarkus applies it to
 * the mapper it injects; code that runs without CDI (the ./regress command) uses {@link #mapper()}.
 */
@Singleton
public class Json implements ObjectMapperCustomizer {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** The shared mapper, configured as the injected one; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Unknown fields are ignored (fields may be added to the contract), times are ISO-8601 strings, and a wrong type
     * is an error, not a silent coercion: "9" is not a number, 1.5 is not a whole number, a key appears once.
     */
    @SuppressWarnings("deprecation")
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModules(new JavaTimeModule(), new Jdk8Module(), new ParameterNamesModule());
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Where (the field, else line and column) and what is wrong, on one line, without Jackson's source excerpt. */
    public static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        JsonLocation at = e.getLocation();
        String where = !field.isEmpty() ? field + ": "
                : at != null ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " : "";
        return where + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
    }

    /** The JSON path of the failing value: account.seats.used, signals[0].type; empty for the document itself. */
    public static String path(JsonMappingException e) {
        List<Object> steps = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                steps.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                steps.add(ref.getIndex());
            }
        }
        return path(steps);
    }

    /** A field path from its steps, each a field name or an array index: account.seats.used, [0].offerId. */
    public static String path(List<Object> steps) {
        StringBuilder field = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step);
            }
        }
        return field.toString();
    }
}
