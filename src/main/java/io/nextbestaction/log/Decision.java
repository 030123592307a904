package io.nextbestaction.log;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One logged decision: the request as received, the ruleset version, what was offered and suppressed. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public String request;

    @JdbcTypeCode(SqlTypes.JSON)
    public String offers;

    @JdbcTypeCode(SqlTypes.JSON)
    public String suppressed;

    @JdbcTypeCode(SqlTypes.JSON)
    public String response;

    public boolean holdout;

    @Column(name = "created_at")
    public Instant createdAt;
}
