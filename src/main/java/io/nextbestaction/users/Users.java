package io.nextbestaction.users;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.common.error.Violations;
import io.nextbestaction.common.security.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored users: created, changed and deleted by an admin, each password kept as a bcrypt hash. The configured
 * (embedded) users are not stored here; a stored user may not take one of their names.
 */
@ApplicationScoped
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class);
    /** Serialises the bootstrap admin across instances starting together. */
    private static final long BOOTSTRAP_LOCK = 0x6e62615f75736572L;

    private final Violations violations;
    private final SecurityDomain configuredUsers;
    private final EntityManager em;

    public Users(Violations violations, SecurityDomain configuredUsers, EntityManager em) {
        this.violations = violations;
        this.configuredUsers = configuredUsers;
        this.em = em;
    }

    public List<UserView> all() {
        return StoredUser.<StoredUser>list("order by name").stream().map(UserView::of).toList();
    }

    public UserView get(String name) {
        return UserView.of(stored(name));
    }

    /** 409 for a name taken by a stored or a configured user. */
    @Transactional
    public UserView create(NewUser user, String by) {
        check(user);
        if (StoredUser.findByIdOptional(user.name()).isPresent()) {
            throw new ProblemException(409, "User exists", "A user named " + user.name() + " is stored already; "
                    + "change it with PUT /users/" + user.name() + ".");
        }
        if (configured(user.name())) {
            throw new ProblemException(409, "User exists", user.name() + " is a configured user "
                    + "(quarkus.security.users.embedded); a stored user takes another name.");
        }
        StoredUser stored = store(user.name(), user.password(), user.roles() == null ? List.of() : user.roles());
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            throw new ProblemException(409, "User exists", "A user named " + user.name() + " was stored at the same time.");
        }
        LOG.infof("%s stored the user %s with roles [%s]", by, stored.name, stored.roles);
        return UserView.of(stored);
    }

    /** An admin keeps their own admin role and account: 409 rather than locking themselves out. */
    @Transactional
    public UserView change(String name, UserChange change, String by) {
        violations.check(change, "");
        UserRules.checkPasswordBytes(change.password(), "password");
        if (change.password() == null && change.roles() == null) {
            throw ProblemException.invalid("Give a new password, new roles, or both.",
                    List.of(new Problem.FieldError("(body)", "needs password or roles")));
        }
        StoredUser stored = stored(name);
        if (change.roles() != null) {
            if (name.equals(by) && stored.roleList().contains(Roles.ADMIN) && !change.roles().contains(Roles.ADMIN)) {
                throw new ProblemException(409, "Own admin role", "You cannot take the admin role from yourself; "
                        + "another admin can.");
            }
            stored.roles = UserRules.stored(change.roles());
        }
        if (change.password() != null) {
            stored.passwordHash = BcryptUtil.bcryptHash(change.password());
            stored.passwordChangedAt = Instant.now();
        }
        LOG.infof("%s changed the user %s:%s%s", by, name, change.password() == null ? "" : " password",
                change.roles() == null ? "" : " roles [" + stored.roles + "]");
        return UserView.of(stored);
    }

    @Transactional
    public void delete(String name, String by) {
        if (name.equals(by)) {
            throw new ProblemException(409, "Own account", "You cannot delete your own account; another admin can.");
        }
        stored(name).delete();
        LOG.infof("%s deleted the user %s", by, name);
    }

    /** The stored user of this name, for signing in; empty for a name only a configured user may have. */
    @ActivateRequestContext
    @Transactional
    Optional<StoredUser> find(String name) {
        return StoredUser.findByIdOptional(name);
    }

    @Transactional
    boolean adminExists() {
        return StoredUser.<StoredUser>streamAll().anyMatch(u -> u.roleList().contains(Roles.ADMIN));
    }

    /** Stores the admin unless some stored user holds the admin role; true when it was stored now. */
    @Transactional
    boolean createAdminIfNone(String name, String password) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, BOOTSTRAP_LOCK).getSingleResult();
        if (adminExists()) {
            return false;
        }
        NewUser admin = new NewUser(name, password, List.of(Roles.ANALYST, Roles.ADMIN));
        check(admin);
        if (StoredUser.findByIdOptional(name).isPresent()) {
            throw new IllegalStateException("The stored user " + name + " exists without the admin role; "
                    + "nba.security.bootstrap-admin names a new user.");
        }
        store(name, password, admin.roles());
        return true;
    }

    private void check(NewUser user) {
        violations.check(user, "");
        UserRules.checkPasswordBytes(user.password(), "password");
    }

    private StoredUser store(String name, String password, List<String> roles) {
        StoredUser stored = new StoredUser();
        stored.name = name;
        stored.passwordHash = BcryptUtil.bcryptHash(password);
        stored.roles = UserRules.stored(roles);
        stored.createdAt = Instant.now();
        stored.passwordChangedAt = stored.createdAt;
        stored.persist();
        return stored;
    }

    private StoredUser stored(String name) {
        return StoredUser.<StoredUser>findByIdOptional(name)
                .orElseThrow(() -> ProblemException.notFound("No user named " + name + " is stored."));
    }

    private boolean configured(String name) {
        try {
            RealmIdentity identity = configuredUsers.getIdentity(name);
            try {
                return identity.exists();
            } finally {
                identity.dispose();
            }
        } catch (RealmUnavailableException e) {
            throw new IllegalStateException("The configured users cannot be read", e);
        }
    }
}
