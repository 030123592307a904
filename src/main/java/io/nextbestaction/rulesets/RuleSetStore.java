package io.nextbestaction.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.rules.ContentHash;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSetProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Ruleset versions, their files, approvals and activations in PostgreSQL. */
@ApplicationScoped
public class RuleSetStore {

    /** A row written now ({@code created}), or the one a repeat of the same request found. */
    public record Recorded<T>(T row, boolean created) {
    }

    /** Serialises version numbering across instances. */
    private static final long VERSION_LOCK = 0x6e62615f72756c65L;

    private final EntityManager em;
    private final ObjectMapper json;

    public RuleSetStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public RuleSetVersion store(List<RuleFile> files, Integer baseVersion, String author, String comment,
                                RuleSetVersion.Source source, List<RuleSetProblem> errors, List<RuleSetProblem> warnings,
                                Map<String, ExpectationChange> expectationsChanged) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, VERSION_LOCK).getSingleResult();
        String sha256 = ContentHash.of(files).hex();
        // Instances starting together on an empty database each submit the folder: the first one stores it.
        Optional<RuleSetVersion> sameFolder = source == RuleSetVersion.Source.FOLDER
                ? latestFromFolder().filter(v -> v.sha256.equals(sha256)) : Optional.empty();
        if (sameFolder.isPresent()) {
            return sameFolder.get();
        }
        Integer last = em.createQuery("select max(v.version) from RuleSetVersion v", Integer.class).getSingleResult();
        RuleSetVersion version = new RuleSetVersion();
        version.version = last == null ? 1 : last + 1;
        version.sha256 = sha256;
        version.author = author;
        version.comment = comment;
        version.source = source;
        version.status = errors.isEmpty() ? RuleSetVersion.Status.VALID : RuleSetVersion.Status.REJECTED;
        version.errors = write(errors);
        version.warnings = write(warnings);
        version.baseVersion = baseVersion;
        version.expectationsChanged = write(expectationsChanged);
        version.createdAt = Instant.now();
        version.persist();
        for (RuleFile file : files) {
            StoredRuleFile stored = new StoredRuleFile();
            stored.version = version.version;
            stored.name = file.name();
            stored.sha256 = file.contentHash().hex();
            stored.content = file.content();
            stored.persist();
        }
        return version;
    }

    public Optional<RuleSetVersion> find(int version) {
        return RuleSetVersion.findByIdOptional(version);
    }

    public List<RuleSetVersion> all() {
        return RuleSetVersion.list("order by version desc");
    }

    public List<StoredRuleFile> filesOf(int version) {
        return StoredRuleFile.list("version = ?1 order by name", version);
    }

    public Optional<StoredRuleFile> file(int version, String name) {
        return StoredRuleFile.find("version = ?1 and name = ?2", version, name).firstResultOptional();
    }

    /** Every file of a version, rules and cases. */
    public List<RuleFile> ruleFilesOf(int version) {
        return filesOf(version).stream().map(f -> new RuleFile(f.name, f.content)).toList();
    }

    /** The regression case files a version holds; none for null. */
    public List<RuleFile> caseFilesOf(Integer version) {
        return version == null ? List.of() : ruleFilesOf(version).stream().filter(RuleFile::isCaseFile).toList();
    }

    public Optional<Integer> newestValid() {
        return RuleSetVersion.find("status = ?1 order by version desc", RuleSetVersion.Status.VALID)
                .<RuleSetVersion>firstResultOptional().map(v -> v.version);
    }

    /** The newest version that came from the decision-table folder, if any. */
    public Optional<RuleSetVersion> latestFromFolder() {
        return RuleSetVersion.find("source = ?1 order by version desc", RuleSetVersion.Source.FOLDER).firstResultOptional();
    }

    public Optional<Activation> latestActivation() {
        return Optional.ofNullable(Activation.latest());
    }

    public List<Activation> activations() {
        return Activation.list("order by id desc");
    }

    @Transactional
    public Activation recordActivation(Integer from, int to, String by, boolean forced, String reason) {
        Activation activation = new Activation();
        activation.fromVersion = from;
        activation.toVersion = to;
        activation.activatedBy = by;
        activation.activatedAt = Instant.now();
        activation.forced = forced;
        activation.reason = reason;
        activation.persist();
        return activation;
    }

    /** The approvals of a version, oldest first. */
    public List<Approval> approvalsOf(int version) {
        return Approval.list("version = ?1 order by id", version);
    }

    /** Records an analyst's approval once: a repeat finds the first one (and {@code created} is false). */
    @Transactional
    public Recorded<Approval> recordApproval(int version, String by, String comment) {
        Optional<Approval> before = Approval.find("version = ?1 and approvedBy = ?2", version, by).firstResultOptional();
        if (before.isPresent()) {
            return new Recorded<>(before.get(), false);
        }
        Approval approval = new Approval();
        approval.version = version;
        approval.approvedBy = by;
        approval.approvedAt = Instant.now();
        approval.comment = comment;
        approval.persist();
        return new Recorded<>(approval, true);
    }

    public List<RuleSetProblem> errorsOf(RuleSetVersion version) {
        return read(version.errors);
    }

    public List<RuleSetProblem> warningsOf(RuleSetVersion version) {
        return read(version.warnings);
    }

    public Map<String, ExpectationChange> expectationsChangedOf(RuleSetVersion version) {
        try {
            return json.readValue(version.expectationsChanged, new TypeReference<TreeMap<String, ExpectationChange>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleSetProblem> read(String problems) {
        try {
            return List.of(json.readValue(problems, RuleSetProblem[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
