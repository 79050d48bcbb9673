package com.logishift.support.agent.account;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.logishift.support.agent.account.service.PasswordHasher;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bcrypt decoy hash (compared against for unknown emails) costs a full bcrypt run: it must be
 * computed while the service starts, never lazily on the event loop of the first sign-in that
 * needs it. Started without a bootstrap admin to create, so nothing else touches the hasher.
 */
@QuarkusTest
@TestProfile(PasswordHasherStartupTest.NoBootstrapAdmin.class)
@QuarkusTestResource(JwtKeysTestResource.class)
class PasswordHasherStartupTest {

    public static class NoBootstrapAdmin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("support.admin.password", "");
        }
    }

    @Test
    void theHasherAndItsDecoyExistBeforeTheFirstRequest() {
        InjectableBean<PasswordHasher> bean = Arc.container().instance(PasswordHasher.class).getBean();
        // the application context's existing instance, without creating one
        Object instance = Arc.container().getActiveContext(ApplicationScoped.class).get(bean);
        assertNotNull(instance, "PasswordHasher (and its decoy hash) was not created at start-up");
    }
}
