package io.nextbestaction.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The API document is a contract kept in the repository, {@value #KEPT}: clients are generated from it (as
 * {@link GeneratedClientTest}'s is), so the service must serve exactly that document. A change to an endpoint shows
 * here first; {@code -Dopenapi.update=true} writes the served document to the file, to review and commit.
 */
@QuarkusTest
class ApiDocumentTest {

    static final String KEPT = "src/main/openapi/openapi.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Types of the JDK and of Jackson, which a client must not get as classes of its own (a JsonNode, an Instant). */
    private static final List<String> LIBRARY_PACKAGES = List.of("java.lang.", "java.util.", "java.time.", "java.math.",
            "com.fasterxml.jackson.databind.", "com.fasterxml.jackson.databind.node.");

    @Test
    void shouldServeTheKeptDocument() throws IOException {
        String served = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(Path.of(KEPT), served.endsWith("\n") ? served : served + "\n");
        }
        String difference = firstDifference("", JSON.readTree(Path.of(KEPT).toFile()), JSON.readTree(served));
        assertNull(difference, () -> "The API document served at /q/openapi is not the one kept in " + KEPT
                + ", which clients are generated from: " + difference + ". If the change to the API is intended, write the "
                + "served document to the file with `./mvnw -q test -Dtest=ApiDocumentTest -Dopenapi.update=true`, review "
                + "the diff and commit it; the generated client of GeneratedClientTest is then built from it.");
    }

    @Test
    void shouldNameEverySchemaInTheDomain() throws IOException {
        JsonNode schemas = JSON.readTree(Path.of(KEPT).toFile()).path("components").path("schemas");
        List<String> libraryTypes = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (LIBRARY_PACKAGES.stream().anyMatch(p -> exists(p + name))) {
                libraryTypes.add(name);
            }
        });
        assertEquals(List.of(), libraryTypes, "schemas named after Java library types; describe them as JSON types instead");
    }

    @Test
    void shouldDescribeEveryErrorAsAProblem() throws IOException {
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(JSON.readTree(Path.of(KEPT).toFile()).path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
                for (Map.Entry<String, JsonNode> response : fields(operation.getValue().path("responses"))) {
                    JsonNode schema = response.getValue().path("content").path("application/problem+json").path("schema");
                    if (!response.getKey().startsWith("2") && !schema.has("$ref")) {
                        undescribed.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), undescribed, "error answers without a problem schema");
    }

    /** Where two JSON documents differ first (keys in order), with both values; null when they are equal. */
    static String firstDifference(String at, JsonNode kept, JsonNode served) {
        if (kept.equals(served)) {
            return null;
        }
        if (kept.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            kept.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String where = at.isEmpty() ? name : at + " › " + name;
                if (!kept.has(name) || !served.has(name)) {
                    return where + (kept.has(name) ? " is kept but no longer served" : " is served but not kept");
                }
                String difference = firstDifference(where, kept.get(name), served.get(name));
                if (difference != null) {
                    return difference;
                }
            }
        }
        if (kept.isArray() && served.isArray() && kept.size() == served.size()) {
            for (int i = 0; i < kept.size(); i++) {
                String difference = firstDifference(at + "[" + i + "]", kept.get(i), served.get(i));
                if (difference != null) {
                    return difference;
                }
            }
        }
        return (at.isEmpty() ? "the document" : at) + " is kept as " + shortened(kept) + " but served as " + shortened(served);
    }

    private static String shortened(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = node.fields(); i.hasNext(); ) {
            fields.add(i.next());
        }
        return fields;
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ApiDocumentTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
