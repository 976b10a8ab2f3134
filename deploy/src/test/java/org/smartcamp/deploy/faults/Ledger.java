package org.smartcamp.deploy.faults;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** What a case published, and the comparison of a case's database with it. */
interface Ledger {
    /** Distinct valid readings published. */
    long readings();

    /** Messages published, hostile ones included. */
    long messages();

    /** What the database behind {@code c} holds, compared with what was published. */
    Outcome outcome(Connection c) throws SQLException, IOException;
}
