package io.nextbestaction.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A stored ruleset version. A REJECTED version keeps its errors and can never serve. */
@Entity
@Table(name = "ruleset")
public class RuleSetVersion extends PanacheEntityBase {

    public enum Status { VALID, REJECTED }

    public enum Source { FOLDER, UPLOAD }

    @Id
    public Integer version;

    public String sha256;

    public String author;

    public String comment;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Enumerated(EnumType.STRING)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    @JdbcTypeCode(SqlTypes.JSON)
    public String warnings;

    /** The version this one was compared with: the upload's base, else the one serving then; null for none. */
    @Column(name = "base_version")
    public Integer baseVersion;

    @Column(name = "expectations_changed")
    @JdbcTypeCode(SqlTypes.JSON)
    public String expectationsChanged;

    @Column(name = "created_at")
    public Instant createdAt;
}
