package io.nextbestaction.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.json.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The durable log of decisions, as read back: by id, by account, for outcomes and for a replay; {@link DecisionLogWriter} appends. */
@ApplicationScoped
public class DecisionLog {

    /** A request is stored as received, a repeated key included; as when it was decided, its last value counts. */
    private static final ObjectReader STORED_JSON = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final AgroalDataSource dataSource;

    public DecisionLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The decision with this id; empty for an unknown id or one that is not a UUID. */
    public Optional<LoggedDecision> byId(String decisionId) throws SQLException {
        Optional<UUID> id = uuid(decisionId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select request_id, account_id, ruleset_version, holdout, created_at, request, offers, suppressed, response
                     from decision where id = ?""")) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                return !row.next() ? Optional.empty() : Optional.of(new LoggedDecision(id.get().toString(),
                        row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(), tree(row.getString(6)),
                        tree(row.getString(7)), tree(row.getString(8)), tree(row.getString(9))));
            }
        }
    }

    /** The account the decision was made for; empty for an unknown id or one that is not a UUID. */
    public Optional<String> accountOf(String decisionId) throws SQLException {
        Optional<UUID> id = uuid(decisionId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select account_id from decision where id = ?")) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether the decision offered this offer to the account (a holdout decision offered nothing). */
    public boolean offered(String decisionId, String offerId) throws SQLException {
        Optional<UUID> id = uuid(decisionId);
        if (id.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select 1 from decision
                     where id = ? and not holdout and offers @> jsonb_build_array(jsonb_build_object('offerId', cast(? as text)))""")) {
            query.setObject(1, id.get());
            query.setString(2, offerId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The account's newest {@code limit} decisions, newest first (index decision_account_created_idx). */
    public List<DecisionSummary> recentFor(String accountId, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select id, request_id, created_at, ruleset_version, holdout, offers, suppressed from decision
                     where account_id = ? order by created_at desc limit ?""")) {
            query.setString(1, accountId);
            query.setInt(2, limit);
            List<DecisionSummary> decisions = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    boolean holdout = row.getBoolean(5);
                    List<String> offers = new ArrayList<>();
                    if (!holdout) {
                        tree(row.getString(6)).forEach(o -> offers.add(o.path("offerId").asText()));
                    }
                    List<DecisionSummary.Held> held = new ArrayList<>();
                    tree(row.getString(7)).forEach(h -> held.add(new DecisionSummary.Held(h.path("offerId").asText(), h.path("guardrail").asText())));
                    decisions.add(new DecisionSummary(row.getString(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant(),
                            row.getString(4), holdout, offers, held));
                }
            }
            return decisions;
        }
    }

    /** The newest {@code last} decisions, newest first. Static, for the ./regress command, which has no CDI. */
    public static List<PastDecision> newest(Connection connection, int last) throws SQLException {
        List<PastDecision> decisions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select id, created_at, account_id, request, offers, suppressed
                from decision order by created_at desc limit ?""")) {
            query.setInt(1, last);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    List<String> offers = new ArrayList<>();
                    tree(row.getString(5)).forEach(o -> offers.add(o.path("offerId").asText()));
                    List<PastDecision.Suppression> suppressed = new ArrayList<>();
                    tree(row.getString(6)).forEach(s -> suppressed.add(
                            new PastDecision.Suppression(s.path("offerId").asText(), s.path("guardrail").asText())));
                    decisions.add(new PastDecision(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                            row.getString(3), row.getString(4), offers, suppressed));
                }
            }
        }
        return decisions;
    }

    private static Optional<UUID> uuid(String decisionId) {
        try {
            return Optional.of(UUID.fromString(decisionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The columns are json and jsonb: PostgreSQL only stores valid JSON. */
    private static JsonNode tree(String text) {
        try {
            return STORED_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned invalid JSON", e);
        }
    }
}
