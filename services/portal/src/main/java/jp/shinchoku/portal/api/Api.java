package jp.shinchoku.portal.api;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.portal.config.PortalProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services' APIs, called with the signed-in user's access token (refreshed when it runs out), so that every
 * rule of who may see and do what is the services' own. A refusal comes back as an {@link ApiProblemException}.
 */
@Component
public class Api {

    public enum Service { PLAN, MEASUREMENT, NOTIFICATION }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CHANNEL_HEADER = "X-Shinchoku-Channel";

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final OAuth2AuthorizedClientManager authorizedClients;

    public Api(RestClient.Builder builder, PortalProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
        // the services count what comes through the portal as its own channel
        RestClient.Builder portal = builder.clone().defaultHeader(CHANNEL_HEADER, "portal");
        clients.put(Service.PLAN, portal.clone().baseUrl(properties.planUrl()).build());
        clients.put(Service.MEASUREMENT, portal.clone().baseUrl(properties.measurementUrl()).build());
        clients.put(Service.NOTIFICATION, portal.clone().baseUrl(properties.notificationUrl()).build());
    }

    /** GETs JSON; the path is a URI template whose variables are encoded ({@code /api/kpis/{id}/series}). */
    public JsonNode get(Service service, String path, Object... variables) {
        return clients.get(service).get().uri(path, variables).header("Authorization", bearer())
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    /** GETs what anyone may read (the open data of the public pages): no token, nobody need be signed in. */
    public JsonNode getPublic(Service service, String path, Object... variables) {
        return clients.get(service).get().uri(path, variables)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    /** A file anyone may read (an open-data CSV), passed on as it is. */
    public byte[] getPublicBytes(Service service, String path, Object... variables) {
        return clients.get(service).get().uri(path, variables)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(byte[].class);
    }

    public byte[] getBytes(Service service, String path, Object... variables) {
        return clients.get(service).get().uri(path, variables).header("Authorization", bearer())
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(byte[].class);
    }

    /** GETs a file in a language ({@code Accept-Language}: a workbook's texts in Japanese or English). */
    public byte[] getBytesIn(Service service, java.util.Locale language, String path, Object... variables) {
        return clients.get(service).get().uri(path, variables).header("Authorization", bearer())
                .header("Accept-Language", language.toLanguageTag())
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(byte[].class);
    }

    public JsonNode post(Service service, Object body, String path, Object... variables) {
        return clients.get(service).post().uri(path, variables).header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    /**
     * POSTs JSON with an {@code Idempotency-Key}: the service takes the same key once and answers it again after
     * (a form sent twice is one change).
     */
    public JsonNode postOnce(Service service, String idempotencyKey, Object body, String path, Object... variables) {
        return clients.get(service).post().uri(path, variables).header("Authorization", bearer())
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    public JsonNode put(Service service, Object body, String path, Object... variables) {
        return clients.get(service).put().uri(path, variables).header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    public JsonNode delete(Service service, String path, Object... variables) {
        return clients.get(service).delete().uri(path, variables).header("Authorization", bearer())
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    /** Sends a file as it is ({@code text/csv}, {@code application/yaml}). */
    public JsonNode postBytes(Service service, byte[] body, MediaType type, String path, Object... variables) {
        return clients.get(service).post().uri(path, variables).header("Authorization", bearer())
                .contentType(type).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(JsonNode.class);
    }

    private static void refuse(ClientHttpResponse response) throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        JsonNode problem;
        try {
            problem = JSON.readTree(bytes);
        } catch (RuntimeException notJson) {
            problem = JSON.createObjectNode();
        }
        String detail = problem.path("detail").asString(response.getStatusText());
        throw new ApiProblemException(response.getStatusCode().value(), problem.path("type").asString(""), detail,
                problem.path("en").path("detail").asString(detail), problem);
    }

    /** The signed-in user's access token; signing in again where the session has none left. */
    private String bearer() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        OAuth2AuthorizedClient client = authorizedClients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(PortalProperties.REGISTRATION).principal(user)
                .attribute(HttpServletRequest.class.getName(), attributes.getRequest())
                .attribute(HttpServletResponse.class.getName(), attributes.getResponse()).build());
        if (client == null) {
            throw new ClientAuthorizationRequiredException(PortalProperties.REGISTRATION);
        }
        return "Bearer " + client.getAccessToken().getTokenValue();
    }
}
