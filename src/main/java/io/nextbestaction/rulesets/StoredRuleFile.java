package io.nextbestaction.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One file of a stored ruleset, byte for byte as uploaded. */
@Entity
@Table(name = "ruleset_file")
@IdClass(StoredRuleFile.Key.class)
public class StoredRuleFile extends PanacheEntityBase {

    public record Key(Integer version, String name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public Integer version;

    @Id
    public String name;

    public String sha256;

    public byte[] content;
}
