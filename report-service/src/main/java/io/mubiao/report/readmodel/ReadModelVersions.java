package io.mubiao.report.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import org.hibernate.Session;

/**
 * Reads and bumps the read model's version (migration V12). Every transaction of the consumers bumps it as
 * its last statement, so that the row lock it takes is held only while the transaction commits (two
 * instances write the read model side by side) and is the last lock each takes, so no two writers wait on
 * each other in a cycle. A reader reads the version before anything it derives from the read model: what it
 * reads afterwards is at least as new, so caching it under that version never keeps older figures.
 */
@ApplicationScoped
public class ReadModelVersions {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    /** The version as last committed; one primary-key read on a connection of its own. */
    public ReadModelVersion current() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select epoch, reference, figures from read_model_version where id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new PersistenceException("read_model_version has no row: migration V12 did not run");
            }
            return new ReadModelVersion(row.getObject(1, UUID.class), row.getLong(2), row.getLong(3));
        } catch (SQLException e) {
            throw new PersistenceException("could not read the read model's version", e);
        }
    }

    /**
     * Marks the read model changed by the current transaction: figures always, reference data too when org
     * units or indicators were written. Call it last, after every write of the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump(boolean reference) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(reference
                    ? "update read_model_version set reference = reference + 1, figures = figures + 1 where id = 1"
                    : "update read_model_version set figures = figures + 1 where id = 1")) {
                update.executeUpdate();
            }
        });
    }
}
