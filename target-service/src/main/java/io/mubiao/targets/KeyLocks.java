package io.mubiao.targets;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Transaction-scoped PostgreSQL advisory locks. Writers of one key (an indicator code, a target, the
 * org-unit tree) take the lock first, so that concurrent requests, on one instance or several, are
 * serialised instead of racing to a unique-key violation or a cycle that neither saw alone.
 */
@ApplicationScoped
public class KeyLocks {

    /** Lock namespaces: the first key of PostgreSQL's two-key advisory locks. */
    public enum Space {
        ORG_UNIT_TREE(1), INDICATOR(2), TARGET(3);

        final int id;

        Space(int id) {
            this.id = id;
        }
    }

    @Inject
    EntityManager em;

    /** Blocks until this transaction holds the lock; it is released at commit or rollback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Space space, String key) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, space.id);
                lock.setString(2, key);
                lock.execute();
            }
        });
    }
}
