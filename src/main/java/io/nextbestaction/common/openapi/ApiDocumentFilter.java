package io.nextbestaction.common.openapi;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.security.ApiKey;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the API document says that the resources' annotations cannot, applied to the document as it is served:
 * <ul>
 * <li>every error answer is a {@link Problem}: the annotations name each resource's own 4xx answers, but the framework
 * adds some (400 for a body it cannot read, 401 and 403 of a secured endpoint), and any endpoint may answer 500;</li>
 * <li>the {@link ApiKey}: optional on the endpoints it guards (needed only when a key is configured). Annotations
 * cannot declare it: Quarkus gives each secured endpoint the first scheme the annotations define, which would then
 * be this one instead of HTTP Basic;</li>
 * <li>a form body is its named schema alone: the framework merges the properties it infers from the form parameters
 * into the schema the annotation names.</li>
 * </ul>
 */
@OpenApiFilter
public class ApiDocumentFilter implements OASFilter {

    static final String API_KEY = "apiKey";
    /** quarkus.smallrye-openapi.security-scheme-name */
    static final String BASIC_AUTH = "basicAuth";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKey.HEADER)
                .description("Needed only when the service is configured with an API key (NBA_API_KEY)"));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (ApiKey.guarded(path)) {
                requireApiKey(operation, ApiKey.readableSignedIn(method.name(), path));
            }
            nameFormBody(operation);
            describeErrors(operation);
        }));
    }

    /** No key while none is configured, else the key, or (for the reads a signed-in user may make) a user. */
    private static void requireApiKey(Operation operation, boolean orSignedIn) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        if (orSignedIn) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC_AUTH));
        }
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                .description("An API key is configured and the " + ApiKey.HEADER + " header does not give it"));
    }

    private static void nameFormBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null && schema.getProperties() != null) {
                media.setSchema(OASFactory.createSchema().ref(schema.getRef()));
            }
        }
    }

    private static void describeErrors(Operation operation) {
        if (!operation.getResponses().hasAPIResponse("500")) {
            operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("Internal error; the detail names the incident in the service's log"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") && !hasContent(response)) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
            }
        });
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }
}
