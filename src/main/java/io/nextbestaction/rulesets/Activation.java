package io.nextbestaction.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One activation: who switched which version to which, when and why. The newest one serves. */
@Entity
@Table(name = "ruleset_activation")
public class Activation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "from_version")
    public Integer fromVersion;

    @Column(name = "to_version")
    public Integer toVersion;

    @Column(name = "activated_by")
    public String activatedBy;

    @Column(name = "activated_at")
    public Instant activatedAt;

    public boolean forced;

    /** In the words of whoever activated it; null when none was given. */
    public String reason;

    public static Activation latest() {
        return find("order by id desc").firstResult();
    }
}
