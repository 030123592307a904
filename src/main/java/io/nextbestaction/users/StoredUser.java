package io.nextbestaction.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A user kept in PostgreSQL: a bcrypt hash of its password, never the password itself. */
@Entity
@Table(name = "stored_user")
public class StoredUser extends PanacheEntityBase {

    @Id
    public String name;

    /** Modular crypt format ($2a$10$...): the algorithm, cost and salt travel with the hash. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated, in the order of {@link io.nextbestaction.common.security.Roles#ALL}. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    List<String> roleList() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }
}
