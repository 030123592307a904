package io.nextbestaction.history;

import io.nextbestaction.rules.facts.Outcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One contact with an account: an outcome reported for one of our decisions, or a contact imported from elsewhere. */
@Entity
@Table(name = "contact_event")
public class ContactEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "offer_id")
    public String offerId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public Instant at;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
