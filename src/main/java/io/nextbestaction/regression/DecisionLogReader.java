package io.nextbestaction.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.history.PastContact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the newest logged decisions for a replay, each with the contact history as it stood when it was decided.
 * Plain JDBC on the service's tables, so the service and the command read the log the same way.
 */
public final class DecisionLogReader {

    private static final ObjectMapper JSON = Json.mapper();

    private DecisionLogReader() {
    }

    public static List<LoggedDecision> newest(Connection connection, int last) throws SQLException {
        List<LoggedDecision> decisions = new ArrayList<>();
        try (PreparedStatement decisionsQuery = connection.prepareStatement(
                "select id, created_at, request, offers, suppressed from decision order by created_at desc limit ?");
             PreparedStatement historyQuery = connection.prepareStatement(
                     "select offer_id, outcome, at from contact_event where account_id = ? and at <= ? and recorded_at <= ?")) {
            decisionsQuery.setInt(1, last);
            try (ResultSet rs = decisionsQuery.executeQuery()) {
                while (rs.next()) {
                    Timestamp decidedAt = rs.getTimestamp("created_at");
                    DecisionRequest request = JSON.readValue(rs.getString("request"), DecisionRequest.class);
                    List<String> offers = new ArrayList<>();
                    JSON.readTree(rs.getString("offers")).forEach(o -> offers.add(o.path("offerId").asText()));
                    Set<String> suppressions = new LinkedHashSet<>();
                    for (JsonNode s : JSON.readTree(rs.getString("suppressed"))) {
                        suppressions.add(s.path("offerId").asText() + ": " + s.path("guardrail").asText());
                    }
                    historyQuery.setString(1, request.account().id());
                    historyQuery.setTimestamp(2, decidedAt);
                    historyQuery.setTimestamp(3, decidedAt);
                    List<PastContact> history = new ArrayList<>();
                    try (ResultSet h = historyQuery.executeQuery()) {
                        while (h.next()) {
                            history.add(new PastContact(h.getString(1), h.getString(2), h.getTimestamp(3).toInstant()));
                        }
                    }
                    String segment = request.account().segment() == null ? "(none)" : request.account().segment().name();
                    decisions.add(new LoggedDecision(rs.getString("id"), decidedAt.toInstant(), request, segment, offers, suppressions, history));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a logged decision cannot be read", e);
        }
        return decisions;
    }
}
