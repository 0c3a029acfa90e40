package org.kadreykg.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A local Neo4j Community DBMS with a Bolt connector, for kadrey-kg.
 *
 * Usage: java ... org.kadreykg.launcher.Launcher --data-dir DIR --port PORT [--pagecache MB]
 * The password is read from the first line of stdin (never from argv, which `ps` shows) and set
 * for user neo4j on every start. Prints "READY <port>" once Bolt listens; SIGTERM shuts down cleanly.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int port = 7687;
        long pagecacheMb = 256;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache" -> pagecacheMb = Long.parseLong(args[++i]);
                default -> fail("unknown option " + args[i] + " (known: --data-dir, --port, --pagecache)");
            }
        }
        if (dataDir == null) fail("--data-dir is required");
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 8) fail("a password of at least 8 characters is expected on stdin");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                // A development server keeps no backlog of transaction logs: Neo4j's defaults (2 days,
                // 256 MiB files allocated up front) fill gigabytes of disk during a test run.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.check_point_interval_volume, ByteUnit.mebiBytes(64))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
        }, "kadrey-kg-shutdown"));
        // Embedded access bypasses auth, so the system database lets us (re)set the password.
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("cannot be the same")) {  // a restart with the same password is fine
                System.err.println("kadrey-kg launcher: setting the password failed: " + e.getClass().getSimpleName());
                dbms.shutdown();
                System.exit(1);
            }
        }
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void fail(String message) {
        System.err.println("kadrey-kg launcher: " + message);
        System.exit(2);
    }
}
