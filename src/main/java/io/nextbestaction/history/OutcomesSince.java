package io.nextbestaction.history;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.log.LoggedDecision;
import io.nextbestaction.rules.facts.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened after a decision: the account's contacts from the decision on, those reported for this decision and
 * the others (a later decision's, or imported from elsewhere), so that a reviewer sees how the offers fared.
 */
@ApplicationScoped
public class OutcomesSince {

    /** The most contacts one answer lists, oldest first. */
    static final int MAX_CONTACTS = 200;

    @Schema(name = "OutcomesSince", description = "The account's contacts from a decision on, oldest first (at most 200)")
    public record Answer(@Schema(examples = "0193e0a4-6c1e-7d42-9a51-3f0c2b8e4d17") String decisionId,
                         @Schema(examples = "acc-42") String accountId,
                         @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00.125Z") Instant decidedAt,
                         List<Contact> contacts) {
    }

    @Schema(name = "ContactSince", description = "A contact of the account after the decision")
    public record Contact(@Schema(examples = "seat-pack-10") String offerId, Outcome outcome,
                          @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:41:10Z") Instant at,
                          @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:41:11.402Z") Instant recordedAt,
                          @Schema(description = "The decision it was reported for; null for a contact imported through /contact-history",
                                  examples = "0193e0a4-6c1e-7d42-9a51-3f0c2b8e4d17") String decisionId) {
    }

    private final AgroalDataSource dataSource;
    private final DecisionLog decisionLog;

    public OutcomesSince(AgroalDataSource dataSource, DecisionLog decisionLog) {
        this.dataSource = dataSource;
        this.decisionLog = decisionLog;
    }

    /** 404 for an unknown decision. */
    public Answer of(String decisionId) throws SQLException {
        LoggedDecision decision = decisionLog.byId(decisionId)
                .orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
        List<Contact> contacts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select offer_id, outcome, at, recorded_at, decision_id from contact_event
                     where account_id = ? and at >= ? order by at, id limit ?""")) {
            query.setString(1, decision.accountId());
            query.setObject(2, decision.createdAt().atOffset(ZoneOffset.UTC));
            query.setInt(3, MAX_CONTACTS);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    contacts.add(new Contact(row.getString(1), Outcome.valueOf(row.getString(2)),
                            row.getObject(3, OffsetDateTime.class).toInstant(), row.getObject(4, OffsetDateTime.class).toInstant(),
                            row.getString(5)));
                }
            }
        }
        return new Answer(decision.decisionId(), decision.accountId(), decision.createdAt(), contacts);
    }
}
