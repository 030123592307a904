package io.nextbestaction.users;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Signs in the stored users with HTTP Basic. It runs before the configured users' provider, which fails a name it
 * does not know instead of passing it on; this one passes on a name it does not store, so both kinds of user sign in.
 */
@ApplicationScoped
public class StoredUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Users users;

    public StoredUserIdentityProvider(Users users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Just above the default priority, which the configured users' provider keeps: the highest is asked first. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.find(request.getUsername()).map(user -> {
            if (!BcryptUtil.matches(new String(request.getPassword().getPassword()), user.passwordHash)) {
                throw new AuthenticationFailedException();
            }
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.name))
                    .addRoles(Set.copyOf(user.roleList()))
                    .addCredential(request.getPassword())
                    .build();
        }).orElse(null));
    }
}
